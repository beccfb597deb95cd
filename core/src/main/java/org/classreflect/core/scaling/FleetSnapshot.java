package org.classreflect.core.scaling;

import java.util.List;

/** The worker hosts that exist now, in any state. */
public record FleetSnapshot(List<WorkerInstance> workers) {

    public FleetSnapshot {
        workers = List.copyOf(workers);
    }
}
