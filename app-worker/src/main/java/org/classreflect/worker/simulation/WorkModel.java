package org.classreflect.worker.simulation;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated workers behave and are billed.
 *
 * @param boot           from launch until the worker polls for its first job (boot, JVM, model load)
 * @param realTimeFactor processing time over audio time; a worker processes one recording at a time
 * @param pollWait       one long poll of the queue; a job that arrives during it is taken at once
 * @param tickInterval   how often the scaler (or the original Lambda's check) runs
 * @param minimumBilled  the least a launch is billed (EC2 and Fargate bill per second, at least a minute)
 * @param pricePerHour   dollars per hour for one worker
 */
public record WorkModel(Duration boot, double realTimeFactor, Duration pollWait, Duration tickInterval,
                        Duration minimumBilled, double pricePerHour) {

    public WorkModel {
        Objects.requireNonNull(boot, "boot");
        Objects.requireNonNull(pollWait, "pollWait");
        Objects.requireNonNull(tickInterval, "tickInterval");
        Objects.requireNonNull(minimumBilled, "minimumBilled");
        if (!(realTimeFactor > 0)) {
            throw new IllegalArgumentException("realTimeFactor must be positive");
        }
        if (pollWait.isZero() || pollWait.isNegative() || tickInterval.isZero() || tickInterval.isNegative()) {
            throw new IllegalArgumentException("the poll wait and the tick interval must be positive");
        }
        if (boot.isNegative() || minimumBilled.isNegative() || !(pricePerHour >= 0)) {
            throw new IllegalArgumentException("boot, minimum bill and price cannot be negative");
        }
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
