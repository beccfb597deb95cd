package org.classreflect.core.admin;

import java.util.Optional;
import org.classreflect.core.scaling.FleetSnapshot;
import org.classreflect.core.queue.QueueSnapshot;

/** The work now: the queue, the workers this process runs, and the fleet of worker hosts when there is one. */
public record Workload(QueueSnapshot queue, int inProcessWorkers, Optional<FleetSnapshot> fleet) {
}
