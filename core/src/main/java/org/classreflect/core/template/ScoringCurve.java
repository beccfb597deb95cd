package org.classreflect.core.template;

import java.util.Objects;

/**
 * Turns a metric's distance from its target range into a score 0..100: 100 inside the range; outside, STEP gives 0
 * and LINEAR falls in a straight line to 0 at {@code falloff} (in the metric's unit) from the nearest bound.
 */
public record ScoringCurve(Shape shape, double falloff) {

    public enum Shape {
        STEP, LINEAR
    }

    public ScoringCurve {
        Objects.requireNonNull(shape, "shape");
    }

    public static ScoringCurve step() {
        return new ScoringCurve(Shape.STEP, 0);
    }

    public static ScoringCurve linear(double falloff) {
        return new ScoringCurve(Shape.LINEAR, falloff);
    }

    public double score(double value, TargetRange target) {
        double distance = target.distance(value);
        if (distance <= 0) {
            return 100;
        }
        return shape == Shape.STEP ? 0 : Math.max(0, 100 * (1 - distance / falloff));
    }
}
