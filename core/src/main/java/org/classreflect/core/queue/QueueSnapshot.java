package org.classreflect.core.queue;

import java.time.Duration;

/** How much work there is: jobs waiting, jobs leased to a worker, jobs given up on, and the oldest wait. */
public record QueueSnapshot(long visible, long inFlight, long deadLettered, Duration oldestVisibleAge) {

    public QueueSnapshot {
        if (visible < 0 || inFlight < 0 || deadLettered < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }
}
