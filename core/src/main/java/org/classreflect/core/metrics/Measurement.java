package org.classreflect.core.metrics;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

    /**
     * The parts of the transcript's quality this value rests on: the words when the metric reads them, the speaker
     * estimate when it was used. Empty for values taken from the times of speech alone.
     */
    public Set<QualitySignal> restsOn() {
        Set<QualitySignal> signals = EnumSet.noneOf(QualitySignal.class);
        if (metric.readsWords()) {
            signals.add(QualitySignal.WORD_CONFIDENCE);
        }
        if (basis == Basis.SPEAKERS) {
            signals.add(QualitySignal.SPEAKER_CONFIDENCE);
        }
        return signals;
    }
}
