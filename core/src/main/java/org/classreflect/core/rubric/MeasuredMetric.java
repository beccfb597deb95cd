package org.classreflect.core.rubric;

import java.util.Objects;

/** A figure measured from the recording (not by the model), e.g. teacher talk time 62 %. */
public record MeasuredMetric(String name, double value, String unit) {

    public MeasuredMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + name + " needs a finite value");
        }
    }
}
