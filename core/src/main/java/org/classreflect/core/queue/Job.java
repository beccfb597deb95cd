package org.classreflect.core.queue;

import java.util.Objects;

/** What travels through the queue: only the recording's id. The database holds everything else. */
public record Job(String recordingId) {

    public Job {
        Objects.requireNonNull(recordingId, "recordingId");
    }
}
