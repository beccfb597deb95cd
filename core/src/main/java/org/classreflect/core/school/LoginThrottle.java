package org.classreflect.core.school;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down, per account (the email typed, whether or not it exists) and per client address.
 * After {@link Limits#freeFailures} failed sign-ins in a row a key is blocked for {@link Limits#firstBlock}; each
 * further failure after a block has ended doubles the block, up to {@link Limits#maxBlock}. A successful sign-in
 * clears the account's count (not the address's, or one valid account would reset an attacker's address); a key
 * left alone for {@link Limits#forgetAfter} after its last failure starts afresh.
 *
 * <p>The rule ({@link #failed}, {@link #blockedFor}) is pure and driven by the time given. The counts are kept in
 * this process's memory: a restart forgets them, and N API replicas allow N times the attempts (docs/decisions.md).
 */
@Singleton
public final class LoginThrottle {

    /** How many failures are free, the first and longest block, and when an idle key is forgotten. */
    public record Limits(int freeFailures, Duration firstBlock, Duration maxBlock, Duration forgetAfter) {

        public static final Limits PER_ACCOUNT = new Limits(5, Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofHours(1));
        /** Higher: a school's pupils and staff may all sign in from behind one address. */
        public static final Limits PER_ADDRESS = new Limits(50, Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofHours(1));

        public Limits {
            if (freeFailures < 1 || firstBlock.isNegative() || firstBlock.isZero() || maxBlock.compareTo(firstBlock) < 0
                    || forgetAfter.compareTo(maxBlock) < 0) {
                throw new IllegalArgumentException("limits need 1+ free failures and 0 < firstBlock <= maxBlock "
                        + "<= forgetAfter");
            }
        }
    }

    /** Failures in a row, when the last one happened, and until when the key is blocked (or null). */
    public record State(int failures, Instant lastFailure, Instant blockedUntil) {

        public static final State CLEAN = new State(0, null, null);
    }

    /** The state after one more failure at {@code now}. */
    public static State failed(State state, Instant now, Limits limits) {
        State current = forgotten(state, now, limits);
        int failures = current.failures() + 1;
        if (failures < limits.freeFailures()) {
            return new State(failures, now, null);
        }
        return new State(failures, now, now.plus(block(failures - limits.freeFailures(), limits)));
    }

    /** How long the key stays blocked from {@code now}; empty when it may try now. */
    public static Optional<Duration> blockedFor(State state, Instant now) {
        if (state.blockedUntil() == null || !now.isBefore(state.blockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, state.blockedUntil()));
    }

    /** The block after the {@code n}th failure past the free ones (0-based): firstBlock * 2^n, at most maxBlock. */
    static Duration block(int n, Limits limits) {
        Duration block = limits.firstBlock();
        for (int i = 0; i < n && block.compareTo(limits.maxBlock()) < 0; i++) {
            block = block.multipliedBy(2);
        }
        return block.compareTo(limits.maxBlock()) > 0 ? limits.maxBlock() : block;
    }

    private static State forgotten(State state, Instant now, Limits limits) {
        boolean idle = state.lastFailure() != null && !now.isBefore(state.lastFailure().plus(limits.forgetAfter()))
                && blockedFor(state, now).isEmpty();
        return idle ? State.CLEAN : state;
    }

    private static final int MAX_KEYS = 100_000;

    private final Map<String, State> accounts = new ConcurrentHashMap<>();
    private final Map<String, State> addresses = new ConcurrentHashMap<>();
    private final Limits perAccount;
    private final Limits perAddress;
    private final Clock clock;

    @Inject
    public LoginThrottle(Clock clock) {
        this(Limits.PER_ACCOUNT, Limits.PER_ADDRESS, clock);
    }

    public LoginThrottle(Limits perAccount, Limits perAddress, Clock clock) {
        this.perAccount = Objects.requireNonNull(perAccount);
        this.perAddress = Objects.requireNonNull(perAddress);
        this.clock = clock;
    }

    /** How long this account or address must wait before trying again (the longer of the two); empty: go ahead. */
    public Optional<Duration> retryAfter(String account, String address) {
        Instant now = clock.instant();
        Optional<Duration> byAccount = blockedFor(accounts.getOrDefault(account, State.CLEAN), now);
        Optional<Duration> byAddress = address == null ? Optional.empty()
                : blockedFor(addresses.getOrDefault(address, State.CLEAN), now);
        if (byAccount.isEmpty()) {
            return byAddress;
        }
        return byAddress.filter(d -> d.compareTo(byAccount.get()) > 0).or(() -> byAccount);
    }

    public void failure(String account, String address) {
        Instant now = clock.instant();
        prune(now);
        accounts.compute(account, (k, s) -> failed(s == null ? State.CLEAN : s, now, perAccount));
        if (address != null) {
            addresses.compute(address, (k, s) -> failed(s == null ? State.CLEAN : s, now, perAddress));
        }
    }

    public void success(String account) {
        accounts.remove(account);
    }

    /** Keeps memory bounded: drops keys idle past their forget time once there are many. */
    private void prune(Instant now) {
        if (accounts.size() + addresses.size() < MAX_KEYS) {
            return;
        }
        accounts.entrySet().removeIf(e -> forgotten(e.getValue(), now, perAccount) == State.CLEAN);
        addresses.entrySet().removeIf(e -> forgotten(e.getValue(), now, perAddress) == State.CLEAN);
    }
}
