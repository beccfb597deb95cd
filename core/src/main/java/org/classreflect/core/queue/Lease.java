package org.classreflect.core.queue;

import java.util.Objects;

/**
 * A job received from the queue and hidden from other workers until the lease runs out, is extended, or is
 * acknowledged. {@code receiveCount} counts deliveries of this message, this one included.
 */
public record Lease(Job job, String receipt, int receiveCount) {

    public Lease {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(receipt, "receipt");
        if (receiveCount < 1) {
            throw new IllegalArgumentException("receiveCount starts at 1");
        }
    }
}
