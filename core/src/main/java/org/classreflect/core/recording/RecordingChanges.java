package org.classreflect.core.recording;

import java.time.Instant;
import java.util.List;

/**
 * Port: what changed among the stored recordings. Read from the store itself, so a change made by any process (a
 * worker on another host) is seen. Delivery is at least once: a poll may report a change again, never skip one.
 */
public interface RecordingChanges {

    /** Where the feed stands now; polls from it report what changes after this moment. */
    Cursor start();

    /** The recordings changed and deleted since the cursor, and the cursor to poll from next. */
    Batch poll(Cursor since);

    /** Opaque to callers: marks in the store's own clock. */
    record Cursor(Instant changed, Instant deleted) {
    }

    record Deleted(String id, String schoolId, String teacherId) {
    }

    record Batch(List<Recording> changed, List<Deleted> deleted, Cursor next) {

        public Batch {
            changed = List.copyOf(changed);
            deleted = List.copyOf(deleted);
        }
    }
}
