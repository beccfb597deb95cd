package org.classreflect.core.queue;

import java.util.Objects;

/**
 * What travels through the queue: the recording's id, and the id of the request that asked for the work (null when
 * none did: a job queued again at start-up), so the worker's log lines for it can be found with the request's. The
 * database holds everything else.
 */
public record Job(String recordingId, String requestId) {

    public Job {
        Objects.requireNonNull(recordingId, "recordingId");
    }

    public Job(String recordingId) {
        this(recordingId, null);
    }
}
