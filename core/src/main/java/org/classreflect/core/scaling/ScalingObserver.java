package org.classreflect.core.scaling;

import org.classreflect.core.queue.QueueSnapshot;

/** Sees every scaling round: what the scaler looked at and what it decided (for metrics and logs). */
@FunctionalInterface
public interface ScalingObserver {

    ScalingObserver NONE = (queue, fleet, decision) -> { };

    void observed(QueueSnapshot queue, FleetSnapshot fleet, ScalingDecision decision);
}
