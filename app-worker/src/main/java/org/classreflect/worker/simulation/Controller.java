package org.classreflect.worker.simulation;

/** What starts and stops the simulated workers. */
public interface Controller {

    String name();

    /** Runs every {@link WorkModel#tickInterval()}, from the start of the simulation. */
    void onTick(FleetSimulation sim);

    /** Runs when a recording is uploaded. */
    void onUpload(FleetSimulation sim);

    /** A worker stops itself after this many empty polls in a row; 0: never (something else stops it). */
    int emptyPollsBeforeSelfStop();
}
