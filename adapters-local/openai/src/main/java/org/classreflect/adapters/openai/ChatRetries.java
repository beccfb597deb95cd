package org.classreflect.adapters.openai;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import java.time.Duration;
import java.util.Optional;
import org.classreflect.core.rubric.ChatModelException;
import org.classreflect.core.rubric.ChatRetrySettings;
import org.classreflect.core.rubric.TransientChatModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries of one chat request (Failsafe): only {@link TransientChatModelException}s, with exponential backoff and
 * jitter; a server's Retry-After sets the wait instead, and one longer than the longest wait ends the retries.
 */
final class ChatRetries {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRetries.class);
    private static final double JITTER = 0.25;
    /** What the delay function returns to leave the wait to the backoff (Failsafe ignores negative delays). */
    private static final Duration USE_BACKOFF = Duration.ofNanos(-1);

    private final RetryPolicy<String> policy;

    ChatRetries(ChatRetrySettings settings) {
        this.policy = RetryPolicy.<String>builder()
                .handle(TransientChatModelException.class)
                .withMaxAttempts(settings.maxAttempts())
                .withBackoff(settings.firstDelay(), settings.maxDelay())
                .withJitter(JITTER)
                // jitter may shorten a delay by JITTER; stretch Retry-After so that it never waits less than asked
                .withDelayFn(c -> retryAfter(c.getLastException())
                        .map(d -> Duration.ofNanos((long) (d.toNanos() / (1 - JITTER)))).orElse(USE_BACKOFF))
                .abortIf((result, failure) -> retryAfter(failure)
                        .filter(d -> d.compareTo(settings.maxDelay()) > 0).isPresent())
                .onRetry(e -> LOG.warn("Language model request failed ({}); try {} of {}",
                        e.getLastException().getMessage(), e.getAttemptCount() + 1, settings.maxAttempts()))
                .build();
    }

    String call(CheckedSupplier<String> request) throws ChatModelException {
        try {
            return Failsafe.with(policy).get(request);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof ChatModelException c) {
                throw c;
            }
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ChatModelException("the language model request failed: " + e.getCause(), e.getCause());
        }
    }

    private static Optional<Duration> retryAfter(Throwable failure) {
        return failure instanceof TransientChatModelException t ? t.retryAfter() : Optional.empty();
    }
}
