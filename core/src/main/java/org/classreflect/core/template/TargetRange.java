package org.classreflect.core.template;

/** The values a metric should take; a null bound is open ("3 s or more" has no maximum). */
public record TargetRange(Double min, Double max) {

    public static TargetRange atLeast(double min) {
        return new TargetRange(min, null);
    }

    public static TargetRange atMost(double max) {
        return new TargetRange(null, max);
    }

    public static TargetRange between(double min, double max) {
        return new TargetRange(min, max);
    }

    /** How far the value lies outside the range; 0 inside. */
    public double distance(double value) {
        if (min != null && value < min) {
            return min - value;
        }
        if (max != null && value > max) {
            return value - max;
        }
        return 0;
    }
}
