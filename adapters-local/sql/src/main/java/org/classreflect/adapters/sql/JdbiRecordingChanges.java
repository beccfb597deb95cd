package org.classreflect.adapters.sql;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingChanges;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads changes from {@code recordings.changed_at} and the {@code recording_deletions} tombstones, both set by the
 * database (V5). Each poll re-reads a few seconds before its mark, so a change whose transaction committed a little
 * after a later one is still seen; the caller drops the repeats. Tombstones older than an hour are cleared.
 */
public final class JdbiRecordingChanges implements RecordingChanges {

    /** Longer than any transaction that changes a recording (each is one short statement or two). */
    static final Duration OVERLAP = Duration.ofSeconds(5);
    static final Duration TOMBSTONE_LIFETIME = Duration.ofHours(1);

    private final Jdbi jdbi;

    public JdbiRecordingChanges(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Cursor start() {
        return jdbi.withHandle(h -> new Cursor(latest(h, "SELECT MAX(changed_at) AS mark FROM recordings"),
                latest(h, "SELECT MAX(deleted_at) AS mark FROM recording_deletions")));
    }

    @Override
    public Batch poll(Cursor since) {
        return jdbi.withHandle(h -> {
            List<Recording> changed = new ArrayList<>();
            Instant changedMark = since.changed();
            for (var row : h.createQuery("SELECT * FROM recordings WHERE changed_at >= :from ORDER BY changed_at")
                    .bind("from", SqlTimes.utc(lowerBound(since.changed())))
                    .map((rs, ctx) -> new Marked<>(JdbiRecordings.RECORDING.map(rs, ctx),
                            SqlTimes.instant(rs, "changed_at")))
                    .list()) {
                changed.add(row.value());
                changedMark = later(changedMark, row.mark());
            }
            List<Deleted> deleted = new ArrayList<>();
            Instant deletedMark = since.deleted();
            for (var row : h.createQuery("""
                            SELECT * FROM recording_deletions WHERE deleted_at >= :from ORDER BY deleted_at""")
                    .bind("from", SqlTimes.utc(lowerBound(since.deleted())))
                    .map((rs, ctx) -> new Marked<>(new Deleted(rs.getString("recording_id"),
                            rs.getString("school_id"), rs.getString("teacher_id")), SqlTimes.instant(rs, "deleted_at")))
                    .list()) {
                deleted.add(row.value());
                deletedMark = later(deletedMark, row.mark());
            }
            if (deletedMark != null) {
                h.createUpdate("DELETE FROM recording_deletions WHERE deleted_at < :cutoff")
                        .bind("cutoff", SqlTimes.utc(deletedMark.minus(TOMBSTONE_LIFETIME))).execute();
            }
            return new Batch(changed, deleted, new Cursor(changedMark, deletedMark));
        });
    }

    private record Marked<T>(T value, Instant mark) {
    }

    private static Instant latest(Handle h, String sql) {
        return h.createQuery(sql).map((rs, ctx) -> SqlTimes.instant(rs, "mark")).one();
    }

    /** Nothing seen yet: everything there is (the table was empty when the feed started). */
    private static Instant lowerBound(Instant mark) {
        return mark == null ? Instant.EPOCH : mark.minus(OVERLAP);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
