package org.classreflect.worker.simulation;

/** The state of the simulated system at one moment: recordings waiting, in progress, and workers billed. */
public record Sample(double atSeconds, int waiting, int inProgress, int workers) {
}
