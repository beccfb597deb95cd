package org.classreflect.core.scaling;

import java.time.Instant;
import java.util.Objects;

/**
 * One worker host (an EC2 instance, an ECS task). {@code busy} and {@code idleSince} are what the worker last
 * reported about itself through {@link WorkerFleet#reportActivity}; a worker that never reported counts as idle
 * since it was launched.
 */
public record WorkerInstance(String id, WorkerState state, boolean busy, Instant idleSince, Instant launchedAt) {

    public WorkerInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(launchedAt, "launchedAt");
    }
}
