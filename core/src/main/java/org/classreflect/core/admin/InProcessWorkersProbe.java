package org.classreflect.core.admin;

import java.util.List;
import java.util.stream.Collectors;
import org.classreflect.core.health.HealthProbe;

/**
 * Readiness of the worker loops this process runs: down as soon as one ended without being stopped, so that a
 * process whose only worker died (say of OutOfMemoryError) stops saying all is well while its jobs wait.
 */
public final class InProcessWorkersProbe implements HealthProbe {

    private final InProcessWorkers workers;

    public InProcessWorkersProbe(InProcessWorkers workers) {
        this.workers = workers;
    }

    @Override
    public String name() {
        return "workers";
    }

    @Override
    public Status check() {
        List<InProcessWorkers.DeadWorker> dead = workers.dead();
        int running = workers.running();
        if (dead.isEmpty()) {
            return new Status(true, running + " running");
        }
        return new Status(false, running + " running; " + dead.stream()
                .map(d -> d.name() + " died: " + d.cause()).collect(Collectors.joining("; ")));
    }
}
