package org.classreflect.core.inmemory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingChanges.Deleted;

/**
 * Which recordings changed and which were deleted, each change numbered in order: the in-memory change feed's own
 * clock, so a poll reports exactly what came after its cursor. Tombstones are dated by the clock and, as in SQL,
 * forgotten an hour before the newest one. Its callers hold the store lock.
 */
final class RecordingChangeLog {

    static final Duration TOMBSTONE_LIFETIME = Duration.ofHours(1);

    private record Tombstone(Deleted deleted, long number, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Long> lastChangeOf = new HashMap<>();
    private final Map<String, Tombstone> tombstones = new HashMap<>();
    private long lastNumber;

    RecordingChangeLog(Clock clock) {
        this.clock = clock;
    }

    void changed(String recordingId) {
        lastChangeOf.put(recordingId, ++lastNumber);
    }

    void deleted(Recording recording) {
        lastChangeOf.remove(recording.id());
        tombstones.put(recording.id(), new Tombstone(
                new Deleted(recording.id(), recording.schoolId(), recording.teacherId()), ++lastNumber,
                clock.instant()));
    }

    long lastNumber() {
        return lastNumber;
    }

    /** Ids of the recordings whose last change came after {@code number}, in the order of those changes. */
    List<String> changedAfter(long number) {
        return lastChangeOf.entrySet().stream().filter(e -> e.getValue() > number)
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    List<Deleted> deletedAfter(long number) {
        return tombstones.values().stream().filter(t -> t.number() > number)
                .sorted(Comparator.comparingLong(Tombstone::number)).map(Tombstone::deleted).toList();
    }

    void forgetOldTombstones() {
        tombstones.values().stream().map(Tombstone::at).max(Comparator.naturalOrder()).ifPresent(newest ->
                tombstones.values().removeIf(t -> t.at().isBefore(newest.minus(TOMBSTONE_LIFETIME))));
    }
}
