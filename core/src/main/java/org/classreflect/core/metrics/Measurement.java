package org.classreflect.core.metrics;

import java.util.List;
import java.util.Objects;

/**
 * One metric's value with the excerpts it counted. The value is null when the lesson gives nothing to measure
 * (no question, hence no wait time; speakers not told apart, hence no talk share); {@code note} then says why.
 */
public record Measurement(Metric metric, Double value, Basis basis, double confidence, List<Excerpt> evidence,
                          String note) {

    public Measurement {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(note, "note");
        evidence = List.copyOf(evidence);
    }

    public boolean isMeasured() {
        return value != null;
    }
}
