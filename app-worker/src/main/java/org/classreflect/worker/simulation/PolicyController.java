package org.classreflect.worker.simulation;

import org.classreflect.core.scaling.ScalingConfig;
import org.classreflect.core.scaling.ScalingDecision;
import org.classreflect.core.scaling.ScalingPolicy;

/** Our scaler: every tick, {@link ScalingPolicy} decides from the queue and the fleet; workers never stop themselves. */
public final class PolicyController implements Controller {

    private final ScalingConfig config;

    public PolicyController(ScalingConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "scaling policy";
    }

    @Override
    public void onTick(FleetSimulation sim) {
        ScalingDecision decision = ScalingPolicy.decide(sim.queueSnapshot(), sim.fleetSnapshot(), config,
                sim.instant());
        switch (decision.action()) {
            case START -> sim.launch(decision.startCount());
            case STOP -> decision.stopIds().forEach(sim::stop);
            case NOTHING -> {
            }
        }
    }

    @Override
    public void onUpload(FleetSimulation sim) {
    }

    @Override
    public int emptyPollsBeforeSelfStop() {
        return 0;
    }
}
