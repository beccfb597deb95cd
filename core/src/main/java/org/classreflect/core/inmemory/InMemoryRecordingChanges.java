package org.classreflect.core.inmemory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingChanges;

/**
 * The change feed of the in-memory recordings. Its cursors hold change numbers of the {@link RecordingChangeLog},
 * written as that many nanoseconds after the epoch, so a poll reports each change once, in order, with the
 * recording's state at the poll.
 */
final class InMemoryRecordingChanges implements RecordingChanges {

    private final StoreLock lock;
    private final InMemoryRecordings recordings;
    private final RecordingChangeLog changeLog;

    InMemoryRecordingChanges(StoreLock lock, InMemoryRecordings recordings, RecordingChangeLog changeLog) {
        this.lock = lock;
        this.recordings = recordings;
        this.changeLog = changeLog;
    }

    @Override
    public Cursor start() {
        return lock.read(() -> cursorAt(changeLog.lastNumber()));
    }

    @Override
    public Batch poll(Cursor since) {
        return lock.write(() -> {
            List<Recording> changed = changeLog.changedAfter(number(since.changed())).stream()
                    .map(recordings::row).toList();
            List<Deleted> deleted = changeLog.deletedAfter(number(since.deleted()));
            changeLog.forgetOldTombstones();
            return new Batch(changed, deleted, cursorAt(changeLog.lastNumber()));
        });
    }

    private static Cursor cursorAt(long number) {
        Instant mark = Instant.EPOCH.plusNanos(number);
        return new Cursor(mark, mark);
    }

    /** A null mark, as in a cursor of the SQL feed started on an empty table, means from the first change. */
    private static long number(Instant mark) {
        return mark == null ? 0 : Duration.between(Instant.EPOCH, mark).toNanos();
    }
}
