package org.classreflect.core.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.classreflect.core.MutableClock;
import org.classreflect.core.school.LoginThrottle.Limits;
import org.classreflect.core.school.LoginThrottle.State;
import org.junit.jupiter.api.Test;

/** The throttle rule over generated failure histories, then the per-process throttle driven by a clock. */
class LoginThrottleTest {

    private static final Limits LIMITS = Limits.PER_ACCOUNT;
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    /** Replays failures at the given gaps (in seconds) from T0; returns the state and the time of the last one. */
    private static State replay(List<Integer> gaps) {
        State state = State.CLEAN;
        Instant now = T0;
        for (int gap : gaps) {
            now = now.plusSeconds(gap);
            state = LoginThrottle.failed(state, now, LIMITS);
        }
        return state;
    }

    @Test
    void theFirstFailuresAreFreeAndTheNextOneBlocks() {
        qt().forAll(integers().between(0, 600)).checkAssert(gap -> {
            State state = State.CLEAN;
            Instant now = T0;
            for (int i = 1; i < LIMITS.freeFailures(); i++) {
                now = now.plusSeconds(Math.min(gap, 59));
                state = LoginThrottle.failed(state, now, LIMITS);
                assertThat(LoginThrottle.blockedFor(state, now)).isEmpty();
            }
            now = now.plusSeconds(Math.min(gap, 59));
            state = LoginThrottle.failed(state, now, LIMITS);
            assertThat(LoginThrottle.blockedFor(state, now)).contains(LIMITS.firstBlock());
        });
    }

    @Test
    void aBlockNeverExceedsTheCapAndEndsWhenItSays() {
        qt().forAll(lists().of(integers().between(0, 4000)).ofSizeBetween(0, 40), integers().between(0, 2000))
                .checkAssert((gaps, probe) -> {
                    State state = replay(gaps);
                    Instant last = state.lastFailure() == null ? T0 : state.lastFailure();
                    Optional<Duration> wait = LoginThrottle.blockedFor(state, last.plusSeconds(probe));
                    wait.ifPresent(d -> {
                        assertThat(d).isPositive().isLessThanOrEqualTo(LIMITS.maxBlock());
                        Instant free = last.plusSeconds(probe).plus(d);
                        assertThat(LoginThrottle.blockedFor(state, free)).isEmpty();
                    });
                    assertThat(LoginThrottle.blockedFor(state, last.plus(LIMITS.maxBlock()))).isEmpty();
                });
    }

    @Test
    void eachFailureAfterTheFreeOnesDoublesTheBlockUpToTheCap() {
        qt().forAll(integers().between(0, 30)).checkAssert(extra -> {
            State state = State.CLEAN;
            Instant now = T0;
            Duration previous = Duration.ZERO;
            for (int i = 0; i < LIMITS.freeFailures() + extra; i++) {
                // try again as soon as the block allows: the attacker's best case
                now = LoginThrottle.blockedFor(state, now).map(now::plus).orElse(now);
                state = LoginThrottle.failed(state, now, LIMITS);
                Optional<Duration> block = LoginThrottle.blockedFor(state, now);
                if (i + 1 >= LIMITS.freeFailures()) {
                    Duration expected = previous.isZero() ? LIMITS.firstBlock() : previous.multipliedBy(2);
                    assertThat(block).contains(expected.compareTo(LIMITS.maxBlock()) > 0 ? LIMITS.maxBlock() : expected);
                    previous = block.orElseThrow();
                }
            }
        });
    }

    @Test
    void moreFailuresNeverShortenTheBlock() {
        qt().forAll(lists().of(integers().between(0, 100)).ofSizeBetween(0, 30), integers().between(0, 100))
                .checkAssert((gaps, gap) -> {
                    State before = replay(gaps);
                    Instant at = (before.lastFailure() == null ? T0 : before.lastFailure()).plusSeconds(gap);
                    State after = LoginThrottle.failed(before, at, LIMITS);
                    Duration was = LoginThrottle.blockedFor(before, at).orElse(Duration.ZERO);
                    Duration is = LoginThrottle.blockedFor(after, at).orElse(Duration.ZERO);
                    assertThat(is).isGreaterThanOrEqualTo(was);
                });
    }

    @Test
    void anIdleKeyIsForgotten() {
        State blocked = replay(List.of(0, 1, 1, 1, 1, 1, 1));
        Instant later = blocked.lastFailure().plus(LIMITS.forgetAfter());
        State next = LoginThrottle.failed(blocked, later, LIMITS);
        assertThat(next.failures()).isEqualTo(1);
        assertThat(LoginThrottle.blockedFor(next, later)).isEmpty();
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        MutableClock clock = new MutableClock(T0);
        Limits perAddress = new Limits(8, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));
        LoginThrottle throttle = new LoginThrottle(LIMITS, perAddress, clock);
        for (int i = 0; i < 4; i++) {
            throttle.failure("ada@oak.test", "10.0.0.1");
        }
        throttle.success("ada@oak.test");
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.retryAfter("ada@oak.test", "10.0.0.1")).isEmpty();
            throttle.failure("ada@oak.test", "10.0.0.1");
        }
        // 4 on the account since the success; 8 on the address, its limit
        assertThat(throttle.retryAfter("ada@oak.test", "10.0.0.2")).isEmpty();
        assertThat(throttle.retryAfter("bob@oak.test", "10.0.0.1")).contains(Duration.ofSeconds(30));
        throttle.failure("ada@oak.test", "10.0.0.2");
        assertThat(throttle.retryAfter("ada@oak.test", "10.0.0.2")).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.retryAfter("ada@oak.test", "10.0.0.2")).isEmpty();
        throttle.failure("ada@oak.test", "10.0.0.2");
        assertThat(throttle.retryAfter("ada@oak.test", "10.0.0.2")).contains(Duration.ofSeconds(60));
    }
}
