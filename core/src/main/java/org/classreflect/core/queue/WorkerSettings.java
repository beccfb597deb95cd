package org.classreflect.core.queue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a worker treats its jobs.
 *
 * @param maxAttempts  deliveries of one job before it is given up and dead-lettered
 * @param lease        how long a received job stays hidden from other workers; renewed at half-time while it runs
 * @param retryBackoff delay before the second attempt; doubled for each further one
 * @param pollWait     how long one receive waits for a job (long polling)
 * @param scratchDir   where audio is copied for the engine while a job runs
 */
public record WorkerSettings(int maxAttempts, Duration lease, Duration retryBackoff, Duration pollWait,
                             Path scratchDir) {

    public WorkerSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(pollWait, "pollWait");
        Objects.requireNonNull(scratchDir, "scratchDir");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (lease.toMillis() < 2) {
            throw new IllegalArgumentException("lease must be positive");
        }
    }

    /** The delay before attempt {@code receiveCount + 1}: backoff, 2 x backoff, 4 x backoff, ... capped at 1 hour. */
    public Duration backoffAfter(int receiveCount) {
        int doublings = Math.min(Math.max(receiveCount - 1, 0), 20);
        Duration delay = retryBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay;
    }
}
