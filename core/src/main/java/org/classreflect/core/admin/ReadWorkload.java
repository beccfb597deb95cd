package org.classreflect.core.admin;

import jakarta.inject.Inject;
import java.util.Optional;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.queue.JobQueue;

/** Queue depth and workers, now. */
public final class ReadWorkload {

    private final JobQueue queue;
    private final InProcessWorkers workers;
    private final Optional<WorkerFleet> fleet;
    private final AccessPolicy policy;

    @Inject
    public ReadWorkload(JobQueue queue, InProcessWorkers workers, Optional<WorkerFleet> fleet, AccessPolicy policy) {
        this.queue = queue;
        this.workers = workers;
        this.fleet = fleet;
        this.policy = policy;
    }

    public Result<Workload> execute(Actor actor) {
        if (!policy.canAdministerSystem(actor)) {
            return Result.rejected(Rejection.forbidden("only a super admin can see the queue and the workers"));
        }
        return Result.ok(new Workload(queue.snapshot(), workers.running(), fleet.map(WorkerFleet::snapshot)));
    }
}
