package org.classreflect.worker.simulation;

/** One lesson recording uploaded {@code atSeconds} after the simulation starts, {@code audioSeconds} long. */
public record Upload(double atSeconds, double audioSeconds) {
}
