package org.classreflect.core.rubric;

import java.time.Duration;
import java.util.Objects;

/**
 * How strictly and how often the model is asked.
 *
 * @param maxAttempts        answers asked for before giving up when answers keep failing validation
 * @param timestampTolerance how far a quote's stated time may lie outside the times of the excerpt it comes from
 */
public record RubricSettings(int maxAttempts, Duration timestampTolerance) {

    public RubricSettings {
        Objects.requireNonNull(timestampTolerance, "timestampTolerance");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (timestampTolerance.isNegative()) {
            throw new IllegalArgumentException("timestampTolerance must not be negative");
        }
    }
}
