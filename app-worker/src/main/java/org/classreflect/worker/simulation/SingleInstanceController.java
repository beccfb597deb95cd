package org.classreflect.worker.simulation;

/**
 * The original deployment: one Whisper instance, started by a Lambda when the queue has messages, which stops itself
 * after a number of empty polls (three of 20 s).
 */
public final class SingleInstanceController implements Controller {

    private final int emptyPolls;

    public SingleInstanceController(int emptyPolls) {
        if (emptyPolls < 1) {
            throw new IllegalArgumentException("the instance must stop after at least one empty poll");
        }
        this.emptyPolls = emptyPolls;
    }

    @Override
    public String name() {
        return "single instance";
    }

    @Override
    public void onTick(FleetSimulation sim) {
        startIfNeeded(sim);
    }

    @Override
    public void onUpload(FleetSimulation sim) {
        startIfNeeded(sim);
    }

    private static void startIfNeeded(FleetSimulation sim) {
        if (sim.waiting() > 0 && sim.activeWorkers() == 0) {
            sim.launch(1);
        }
    }

    @Override
    public int emptyPollsBeforeSelfStop() {
        return emptyPolls;
    }
}
