package org.classreflect.core.scaling;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.queue.QueueSnapshot;

/** The scaler's step: looks at the queue and the fleet, decides with {@link ScalingPolicy}, and acts on it. */
public final class ScaleFleet {

    private static final Logger LOG = Logger.getLogger(ScaleFleet.class.getName());

    private final JobQueue queue;
    private final WorkerFleet fleet;
    private final ScalingConfig config;
    private final Clock clock;

    @Inject
    public ScaleFleet(JobQueue queue, WorkerFleet fleet, ScalingConfig config, Clock clock) {
        this.queue = queue;
        this.fleet = fleet;
        this.config = config;
        this.clock = clock;
    }

    public ScalingDecision execute() {
        return execute(ScalingObserver.NONE);
    }

    public ScalingDecision execute(ScalingObserver observer) {
        QueueSnapshot jobs = queue.snapshot();
        FleetSnapshot workers = fleet.snapshot();
        ScalingDecision decision = ScalingPolicy.decide(jobs, workers, config, clock.instant());
        switch (decision.action()) {
            case START -> {
                List<String> started = fleet.start(decision.startCount());
                if (started.size() < decision.startCount()) {
                    LOG.warning("asked the fleet for " + decision.startCount() + " worker(s), it started "
                            + started.size());
                }
            }
            case STOP -> fleet.stop(decision.stopIds());
            case NOTHING -> {
            }
        }
        observer.observed(jobs, workers, decision);
        return decision;
    }
}
