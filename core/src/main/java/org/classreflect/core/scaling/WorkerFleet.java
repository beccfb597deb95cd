package org.classreflect.core.scaling;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Port: the hosts that run workers, which the scaler starts when work arrives and stops when they idle. */
public interface WorkerFleet {

    FleetSnapshot snapshot();

    /** Starts up to {@code count} workers; returns the ids of those that were started. */
    List<String> start(int count);

    void stop(Collection<String> workerIds);

    /** A worker tells the fleet whether it is working, and since when, so the scaler never stops a busy one. */
    void reportActivity(String workerId, boolean busy, Instant since);
}
