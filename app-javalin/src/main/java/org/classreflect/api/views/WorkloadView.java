package org.classreflect.api.views;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.classreflect.core.admin.Workload;
import org.classreflect.core.scaling.WorkerInstance;

/**
 * The queue and the workers now. {@code mode} says where workers run: {@code local} (threads of this process) or
 * {@code aws} (worker hosts; {@code fleet} lists them when a fleet is configured, else it is null).
 */
public record WorkloadView(String mode, Queue queue, int inProcessWorkers, List<Worker> fleet) {

    public record Queue(long waiting, long inProgress, long deadLettered, long oldestWaitSeconds) {
    }

    public record Worker(String id, String state, boolean busy, Instant launchedAt, Instant idleSince) {
    }

    public static WorkloadView of(String mode, Workload w) {
        var q = w.queue();
        return new WorkloadView(mode, new Queue(q.visible(), q.inFlight(), q.deadLettered(),
                q.oldestVisibleAge().toSeconds()), w.inProcessWorkers(),
                w.fleet().map(f -> f.workers().stream().map(WorkloadView::worker).toList()).orElse(null));
    }

    private static Worker worker(WorkerInstance i) {
        return new Worker(i.id(), i.state().name().toLowerCase(Locale.ROOT), i.busy(), i.launchedAt(), i.idleSince());
    }
}
