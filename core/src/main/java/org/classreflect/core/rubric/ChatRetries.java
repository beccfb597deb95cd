package org.classreflect.core.rubric;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

/**
 * Retries of one chat request, for every chat adapter: only {@link TransientChatModelException}s, with exponential
 * backoff and jitter; a server's Retry-After sets the wait instead, and one longer than the longest wait ends the
 * retries. The last failure is thrown when the tries run out.
 */
public final class ChatRetries {

    /** One try of the request. */
    @FunctionalInterface
    public interface Request {
        String send() throws ChatModelException, InterruptedException;
    }

    /** Waits between tries. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration wait) throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(ChatRetries.class.getName());
    /** A backoff wait is drawn from its value plus or minus this fraction, so that clients do not retry in step. */
    private static final double JITTER = 0.25;

    private final ChatRetrySettings settings;
    private final Pause pause;
    private final DoubleSupplier random;

    public ChatRetries(ChatRetrySettings settings) {
        this(settings, wait -> Thread.sleep(wait.toMillis()), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With a pause and a source of numbers in [0, 1) of the caller's: for tests. */
    public ChatRetries(ChatRetrySettings settings, Pause pause, DoubleSupplier random) {
        this.settings = settings;
        this.pause = pause;
        this.random = random;
    }

    public String call(Request request) throws ChatModelException {
        Duration backoff = settings.firstDelay();
        for (int attempt = 1; ; attempt++) {
            try {
                return request.send();
            } catch (TransientChatModelException e) {
                Optional<Duration> asked = e.retryAfter();
                if (attempt >= settings.maxAttempts()
                        || asked.filter(wait -> wait.compareTo(settings.maxDelay()) > 0).isPresent()) {
                    throw e;
                }
                LOG.warning("Language model request failed (" + e.getMessage() + "); try " + (attempt + 1) + " of "
                        + settings.maxAttempts());
                waitFor(asked.isPresent() ? asked.get() : jittered(backoff));
                backoff = min(backoff.multipliedBy(2), settings.maxDelay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChatModelException("the language model request was interrupted", e);
            }
        }
    }

    private void waitFor(Duration wait) throws ChatModelException {
        try {
            pause.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatModelException("interrupted while waiting to retry the language model request", e);
        }
    }

    private Duration jittered(Duration backoff) {
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Duration.ofNanos((long) (backoff.toNanos() * factor));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
