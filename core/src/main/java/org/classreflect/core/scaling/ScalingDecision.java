package org.classreflect.core.scaling;

import java.util.List;
import java.util.Objects;

/**
 * What the scaler should do now: start some workers, stop some idle ones, or nothing; with the fleet size it aimed
 * at and why, in words an operator can read in a log line.
 */
public record ScalingDecision(Action action, int startCount, List<String> stopIds, int targetWorkers,
                              String reason) {

    public enum Action {
        START,
        STOP,
        NOTHING
    }

    public ScalingDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        stopIds = List.copyOf(stopIds);
        boolean consistent = switch (action) {
            case START -> startCount > 0 && stopIds.isEmpty();
            case STOP -> startCount == 0 && !stopIds.isEmpty();
            case NOTHING -> startCount == 0 && stopIds.isEmpty();
        };
        if (!consistent) {
            throw new IllegalArgumentException("a " + action + " decision cannot start " + startCount
                    + " and stop " + stopIds);
        }
    }

    static ScalingDecision start(int count, int target, String reason) {
        return new ScalingDecision(Action.START, count, List.of(), target, reason);
    }

    static ScalingDecision stop(List<String> ids, int target, String reason) {
        return new ScalingDecision(Action.STOP, 0, ids, target, reason);
    }

    static ScalingDecision nothing(int target, String reason) {
        return new ScalingDecision(Action.NOTHING, 0, List.of(), target, reason);
    }

    /** One log line: the action and the reason. */
    public String describe() {
        return switch (action) {
            case START -> "start " + startCount + ": " + reason;
            case STOP -> "stop " + String.join(",", stopIds) + ": " + reason;
            case NOTHING -> "nothing: " + reason;
        };
    }
}
