package org.classreflect.core.scaling;

import java.time.Duration;
import java.util.Objects;

/**
 * How the scaler sizes the worker fleet.
 *
 * @param minWorkers             workers kept running even with no work (0: idle schools cost nothing)
 * @param maxWorkers             workers never exceeded, however long the queue
 * @param targetBacklogPerWorker jobs (waiting or in progress) one worker is expected to carry; the fleet aims at
 *                               {@code ceil(jobs / targetBacklogPerWorker)} workers
 * @param idleGrace              how long a worker must have been idle before it may be stopped
 * @param maxStartsPerDecision   workers started by one decision at most (the start rate limit)
 * @param hourlyBudget           dollars per hour the running and starting workers may cost together
 * @param hourlyPricePerWorker   dollars per hour one worker costs
 */
public record ScalingConfig(int minWorkers, int maxWorkers, int targetBacklogPerWorker, Duration idleGrace,
                            int maxStartsPerDecision, double hourlyBudget, double hourlyPricePerWorker) {

    /** Scale to zero, at most 20 t3.xlarge workers, two jobs per worker, five minutes' grace, $4 an hour. */
    public static final ScalingConfig DEFAULTS =
            new ScalingConfig(0, 20, 2, Duration.ofMinutes(5), 5, 4.00, 0.1664);

    public ScalingConfig {
        Objects.requireNonNull(idleGrace, "idleGrace");
        if (minWorkers < 0) {
            throw new IllegalArgumentException("minWorkers cannot be negative");
        }
        if (maxWorkers < 1 || maxWorkers < minWorkers) {
            throw new IllegalArgumentException("maxWorkers must be at least 1 and at least minWorkers");
        }
        if (targetBacklogPerWorker < 1) {
            throw new IllegalArgumentException("targetBacklogPerWorker must be at least 1");
        }
        if (idleGrace.isNegative()) {
            throw new IllegalArgumentException("idleGrace cannot be negative");
        }
        if (maxStartsPerDecision < 1) {
            throw new IllegalArgumentException("maxStartsPerDecision must be at least 1");
        }
        if (!(hourlyPricePerWorker > 0) || Double.isInfinite(hourlyPricePerWorker)) {
            throw new IllegalArgumentException("hourlyPricePerWorker must be a positive number");
        }
        if (!(hourlyBudget >= hourlyPricePerWorker) || Double.isInfinite(hourlyBudget)) {
            throw new IllegalArgumentException("hourlyBudget must pay for at least one worker");
        }
        if (minWorkers * hourlyPricePerWorker > hourlyBudget) {
            throw new IllegalArgumentException("hourlyBudget cannot pay for minWorkers");
        }
    }

    /** The most workers the hourly budget pays for. */
    public int affordableWorkers() {
        int n = (int) Math.min(Integer.MAX_VALUE, Math.floor(hourlyBudget / hourlyPricePerWorker));
        while (n > 0 && n * hourlyPricePerWorker > hourlyBudget) {
            n--; // floating-point division can round up by one
        }
        return n;
    }

    /** The fleet size the policy never goes beyond: the smaller of maxWorkers and what the budget pays for. */
    public int ceiling() {
        return Math.min(maxWorkers, affordableWorkers());
    }
}
