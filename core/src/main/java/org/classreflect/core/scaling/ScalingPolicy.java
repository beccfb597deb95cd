package org.classreflect.core.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.classreflect.core.queue.QueueSnapshot;

/**
 * Sizes the worker fleet from the queue: the fleet aims at one worker per {@code targetBacklogPerWorker} jobs
 * (waiting or in progress), between the minimum and the smaller of the maximum and what the hourly budget pays for.
 * It starts workers (at most {@code maxStartsPerDecision} at a time) when the fleet is below that aim, and stops
 * only workers that are running, not busy and idle for longer than the grace period when it is above. Starting and
 * stopping workers count towards the fleet, so deciding again right after acting changes nothing.
 */
public final class ScalingPolicy {

    private ScalingPolicy() {
    }

    /** The fleet size the policy aims at for this much work. */
    public static int targetWorkers(QueueSnapshot queue, ScalingConfig config) {
        long jobs = queue.visible() + queue.inFlight();
        long wanted = (jobs + config.targetBacklogPerWorker() - 1) / config.targetBacklogPerWorker();
        return (int) Math.min(Math.max(wanted, config.minWorkers()), config.ceiling());
    }

    public static ScalingDecision decide(QueueSnapshot queue, FleetSnapshot fleet, ScalingConfig config,
                                         Instant now) {
        int target = targetWorkers(queue, config);
        int active = activeWorkers(fleet);
        String load = load(queue, config) + "; " + active + " running or starting";
        if (active < target) {
            int count = Math.min(target - active, config.maxStartsPerDecision());
            String limited = count < target - active ? " (at most " + config.maxStartsPerDecision() + " at a time)"
                    : "";
            return ScalingDecision.start(count, target, load + ", aiming at " + target + limited);
        }
        if (active == target) {
            return ScalingDecision.nothing(target, load + ", as aimed");
        }
        Instant idleBefore = now.minus(config.idleGrace());
        List<String> stoppable = fleet.workers().stream()
                .filter(w -> w.state() == WorkerState.RUNNING && !w.busy())
                .filter(w -> !idleSince(w).isAfter(idleBefore))
                .sorted(Comparator.comparing(ScalingPolicy::idleSince).thenComparing(WorkerInstance::id))
                .limit(active - target)
                .map(WorkerInstance::id)
                .toList();
        if (stoppable.isEmpty()) {
            return ScalingDecision.nothing(target, load + ", aiming at " + target
                    + "; no worker has been idle for " + format(config.idleGrace()) + " yet");
        }
        return ScalingDecision.stop(stoppable, target, load + ", aiming at " + target + "; stopping workers idle for "
                + format(config.idleGrace()) + " or more");
    }

    /** Workers that will take jobs: running, or on their way. Stopping and stopped ones are leaving. */
    static int activeWorkers(FleetSnapshot fleet) {
        return (int) fleet.workers().stream()
                .filter(w -> w.state() == WorkerState.STARTING || w.state() == WorkerState.RUNNING)
                .count();
    }

    /** A worker that never reported counts as idle since it was launched. */
    private static Instant idleSince(WorkerInstance w) {
        return w.idleSince() == null ? w.launchedAt() : w.idleSince();
    }

    private static String load(QueueSnapshot queue, ScalingConfig config) {
        String oldest = queue.visible() > 0 && queue.oldestVisibleAge() != null
                ? ", oldest waiting " + format(queue.oldestVisibleAge()) : "";
        return queue.visible() + " waiting and " + queue.inFlight() + " in progress" + oldest
                + " at " + config.targetBacklogPerWorker() + " per worker (min " + config.minWorkers() + ", max "
                + config.ceiling() + String.format(Locale.ROOT, " within $%.2f/h)", config.hourlyBudget());
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 && s > 0 ? s / 3600 + "h" : s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
    }
}
