package org.classreflect.core.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChatRetriesTest {

    private static final ChatRetrySettings SETTINGS =
            new ChatRetrySettings(4, Duration.ofSeconds(1), Duration.ofSeconds(5));

    private final List<Duration> waits = new ArrayList<>();

    private ChatRetries retries(double random) {
        return new ChatRetries(SETTINGS, waits::add, () -> random);
    }

    @Test
    void aTransientFailureIsRetriedUntilTheAnswerComes() throws Exception {
        AtomicInteger tries = new AtomicInteger();

        String answer = retries(0.5).call(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new TransientChatModelException("503", (Duration) null);
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void theLastFailureIsThrownWhenTheTriesRunOut() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> retries(0.5).call(() -> {
            throw new TransientChatModelException("429 number " + tries.incrementAndGet(), (Duration) null);
        })).isInstanceOf(TransientChatModelException.class).hasMessage("429 number 4");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aServersRetryAfterSetsTheWaitAndOneLongerThanTheLongestWaitEndsTheRetries() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> retries(0.9).call(() -> {
            throw new TransientChatModelException("429", tries.incrementAndGet() == 1 ? Duration.ofSeconds(3)
                    : Duration.ofSeconds(6));
        })).hasMessage("429");
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        assertThat(tries).hasValue(2);
    }

    @Test
    void aRefusalThatIsNotTransientIsNeverRetried() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> retries(0.5).call(() -> {
            tries.incrementAndGet();
            throw new ChatModelException("401 unauthorised");
        })).hasMessage("401 unauthorised");
        assertThat(tries).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void everyBackoffWaitStaysWithinAQuarterOfItsStepAndNeverPassesTheLongestWaitByMore() {
        qt().forAll(integers().between(1, 4), doubles().between(0, 0.999_999)).checkAssert((failures, random) -> {
            List<Duration> seen = new ArrayList<>();
            AtomicInteger tries = new AtomicInteger();
            try {
                new ChatRetries(SETTINGS, seen::add, () -> random).call(() -> {
                    if (tries.incrementAndGet() <= failures) {
                        throw new TransientChatModelException("503", (Duration) null);
                    }
                    return "ok";
                });
            } catch (ChatModelException e) {
                assertThat(failures).isEqualTo(SETTINGS.maxAttempts());
            }
            assertThat(seen).hasSize(Math.min(failures, SETTINGS.maxAttempts() - 1));
            for (int i = 0; i < seen.size(); i++) {
                long step = Math.min(1000L << i, 5000L);
                assertThat(seen.get(i).toMillis()).isBetween((long) (step * 0.75), (long) (step * 1.25));
            }
        });
    }
}
