package org.classreflect.core.rubric;

import java.time.Duration;
import java.util.Objects;

/**
 * How a chat adapter retries one request that timed out or got 429 or 5xx: exponential backoff from
 * {@code firstDelay}, doubled each time up to {@code maxDelay}, with jitter. A server's Retry-After wins over the
 * backoff; one longer than {@code maxDelay} ends the retries.
 *
 * @param maxAttempts tries of one request, the first included
 */
public record ChatRetrySettings(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public ChatRetrySettings {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 < firstDelay <= maxDelay");
        }
    }
}
