package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.inmemory.InMemoryJobQueue;
import org.classreflect.core.inmemory.DeadLetter;
import org.classreflect.testfixtures.fakes.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.Lease;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random interleavings of what workers do (receive, ack, extend, release, give up) with the clock moving on: no job
 * is ever lost, none is delivered after it was acknowledged, and no two holders of unexpired leases hold one job.
 */
class InMemoryJobQueuePropertiesTest {

    private static final Duration VISIBILITY = Duration.ofSeconds(30);
    private static final int MAX_RECEIVES = 3;

    enum Action { ENQUEUE, RECEIVE, ACK, EXTEND, RELEASE_NOW, RELEASE_LATER, DEAD_LETTER, ADVANCE_CLOCK }

    record Step(Action action, int pick) {
    }

    @Test
    void everyJobEndsAckedOnceOrDeadLetteredAndIsNeverHeldTwiceAtOnce() {
        Gen<Step> steps = integers().between(0, Action.values().length - 1)
                .zip(integers().between(0, 1000), (action, pick) -> new Step(Action.values()[action], pick));
        qt().withExamples(400).forAll(lists().of(steps).ofSizeBetween(0, 80)).checkAssert(this::runAndDrain);
    }

    private void runAndDrain(List<Step> script) {
        Workers workers = new Workers();
        script.forEach(workers::perform);
        workers.drain();
        workers.assertEveryJobAckedOrDeadLettered();
    }

    /** Drives the queue and keeps the model: which receipt is each job's latest, and until when each lease holds. */
    private static final class Workers {

        private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
        private final InMemoryJobQueue queue = new InMemoryJobQueue(VISIBILITY, MAX_RECEIVES, clock);
        private final Set<Job> enqueued = new LinkedHashSet<>();
        private final Set<Job> acked = new HashSet<>();
        private final List<Lease> leases = new ArrayList<>();
        private final Map<String, Instant> leaseEnds = new HashMap<>();
        private final Map<Job, String> latestReceipts = new HashMap<>();

        void perform(Step step) {
            switch (step.action()) {
                case ENQUEUE -> enqueue();
                case RECEIVE -> receive();
                case ADVANCE_CLOCK -> clock.advance(Duration.ofSeconds(step.pick() % 45));
                default -> {
                    if (!leases.isEmpty()) {
                        act(step.action(), leases.get(step.pick() % leases.size()));
                    }
                }
            }
        }

        void drain() {
            for (int round = 0; round < 10 * MAX_RECEIVES * (enqueued.size() + 1); round++) {
                clock.advance(VISIBILITY.plusMinutes(1));
                Optional<Lease> lease = receive();
                if (lease.isEmpty()) {
                    assertThat(queue.snapshot().visible() + queue.snapshot().inFlight()).isZero();
                    return;
                }
                act(Action.ACK, lease.get());
            }
            throw new AssertionError("the queue never emptied");
        }

        void assertEveryJobAckedOrDeadLettered() {
            List<Job> deadLettered = queue.deadLetters().stream().map(DeadLetter::job).toList();
            assertThat(deadLettered).doesNotHaveDuplicates().noneMatch(acked::contains);
            Set<Job> finished = new HashSet<>(acked);
            finished.addAll(deadLettered);
            assertThat(finished).isEqualTo(enqueued);
            assertThat(queue.snapshot().deadLettered()).isEqualTo(deadLettered.size());
        }

        private void enqueue() {
            Job job = new Job("job-" + enqueued.size());
            enqueued.add(job);
            queue.enqueue(job);
        }

        private Optional<Lease> receive() {
            Optional<Lease> received = receiveNow();
            received.ifPresent(lease -> {
                Job job = lease.job();
                assertThat(acked).as("delivered after it was acknowledged").doesNotContain(job);
                assertThat(leases).as("another holder's lease on %s has not run out", job)
                        .noneMatch(other -> other.job().equals(job) && isUnexpired(other));
                leases.add(lease);
                leaseEnds.put(lease.receipt(), clock.instant().plus(VISIBILITY));
                latestReceipts.put(job, lease.receipt());
            });
            return received;
        }

        private void act(Action action, Lease lease) {
            boolean current = isLatestOfPendingJob(lease);
            Instant now = clock.instant();
            switch (action) {
                case ACK -> {
                    queue.ack(lease);
                    if (current) {
                        acked.add(lease.job());
                        leaseEnds.put(lease.receipt(), now);
                    }
                }
                case EXTEND -> {
                    queue.extend(lease, VISIBILITY);
                    if (current) {
                        leaseEnds.put(lease.receipt(), now.plus(VISIBILITY));
                    }
                }
                case RELEASE_NOW, RELEASE_LATER -> {
                    queue.release(lease, action == Action.RELEASE_NOW ? Duration.ZERO : Duration.ofSeconds(10));
                    if (current) {
                        leaseEnds.put(lease.receipt(), now);
                    }
                }
                case DEAD_LETTER -> {
                    queue.deadLetter(lease, "given up");
                    if (current) {
                        leaseEnds.put(lease.receipt(), now);
                    }
                }
                default -> throw new IllegalArgumentException(action.name());
            }
        }

        private boolean isLatestOfPendingJob(Lease lease) {
            Job job = lease.job();
            return lease.receipt().equals(latestReceipts.get(job)) && !acked.contains(job)
                    && queue.deadLetters().stream().noneMatch(d -> d.job().equals(job));
        }

        private boolean isUnexpired(Lease lease) {
            return leaseEnds.get(lease.receipt()).isAfter(clock.instant());
        }

        private Optional<Lease> receiveNow() {
            try {
                return queue.receive(Duration.ZERO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
