package org.classreflect.core.template;

import java.util.Objects;
import org.classreflect.core.metrics.Metric;

/** The measured half of a criterion: which metric, the range it should fall in, and how misses are scored. */
public record MeasuredTarget(Metric metric, TargetRange target, ScoringCurve curve) {

    public MeasuredTarget {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(curve, "curve");
    }

    public double score(double value) {
        return curve.score(value, target);
    }
}
