package org.classreflect.sdk.wiring;

import java.time.Clock;
import java.util.Optional;
import org.classreflect.core.scaling.ActivityReportingJobQueue;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.core.queue.JobQueue;

/**
 * Whether this process is a worker host of a fleet the scaler manages: if so, its queue reports when it is busy, and
 * it can switch its own host off when it has been idle.
 */
public record FleetMembership(Optional<WorkerFleet> fleet, String workerId, Runnable stopOwnHost) {

    /** Not a fleet member: the API process, the scaler, a local worker. */
    public static final FleetMembership NONE = new FleetMembership(Optional.empty(), "", () -> { });

    public JobQueue observe(JobQueue queue, Clock clock) {
        return fleet.<JobQueue>map(f -> new ActivityReportingJobQueue(queue, f, workerId, clock)).orElse(queue);
    }
}
