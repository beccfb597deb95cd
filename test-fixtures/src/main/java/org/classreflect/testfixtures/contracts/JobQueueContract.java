package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.queue.Lease;
import org.classreflect.core.queue.QueueSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link JobQueue} must do. Leases are short but not tiny (1-2 s) and waits generous, so the same cases
 * hold against a real, slower server. Extend it and say how to make a fresh, empty queue.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class JobQueueContract {

    private static final Duration LONG_LEASE = Duration.ofSeconds(30);
    private static final Duration SHORT_LEASE = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Duration BRIEF_LOOK = Duration.ofMillis(500);

    /** A fresh, empty queue: jobs stay hidden for {@code visibility} after a receive, at most {@code maxReceives} deliveries. */
    protected abstract JobQueue newQueue(Duration visibility, int maxReceives) throws Exception;

    @Test
    void aReceivedJobIsLeasedOnceAndAnAckedJobIsGone() throws Exception {
        JobQueue queue = newQueue(LONG_LEASE, 5);
        Job job = newJob();
        queue.enqueue(job);

        Lease lease = queue.receive(PATIENCE).orElseThrow();
        assertThat(lease.job()).isEqualTo(job);
        assertThat(lease.receiveCount()).isEqualTo(1);
        assertThat(lease.receipt()).isNotBlank();
        queue.ack(lease);

        assertThat(queue.receive(BRIEF_LOOK)).isEmpty();
        assertThat(queue.snapshot()).isEqualTo(new QueueSnapshot(0, 0, 0, Duration.ZERO));
    }

    @Test
    void aJobKeepsTheIdOfTheRequestThatQueuedIt() throws Exception {
        JobQueue queue = newQueue(LONG_LEASE, 5);
        Job asked = new Job(newJob().recordingId(), "req-7f3a9c");
        Job recovered = newJob();
        queue.enqueue(asked);
        queue.enqueue(recovered);

        Lease first = queue.receive(PATIENCE).orElseThrow();
        Lease second = queue.receive(PATIENCE).orElseThrow();
        assertThat(java.util.List.of(first.job(), second.job())).containsExactlyInAnyOrder(asked, recovered);
        assertThat(recovered.requestId()).isNull();
    }

    @Test
    void aJobNotAckedIsDeliveredAgainOnceItsLeaseRunsOut() throws Exception {
        JobQueue queue = newQueue(SHORT_LEASE, 5);
        Job job = newJob();
        queue.enqueue(job);

        Lease first = queue.receive(PATIENCE).orElseThrow();
        Optional<Lease> duringLease = queue.receive(Duration.ofMillis(300));
        Lease second = queue.receive(PATIENCE).orElseThrow();

        assertThat(duringLease).isEmpty();
        assertThat(second.job()).isEqualTo(job);
        assertThat(second.receiveCount()).isEqualTo(2);
        assertThat(second.receipt()).isNotEqualTo(first.receipt());
    }

    @Test
    void extendingALeaseKeepsTheJobHidden() throws Exception {
        JobQueue queue = newQueue(SHORT_LEASE, 5);
        queue.enqueue(newJob());
        Lease lease = queue.receive(PATIENCE).orElseThrow();

        queue.extend(lease, Duration.ofSeconds(4));

        assertThat(queue.receive(Duration.ofSeconds(2))).isEmpty();
        assertThat(queue.receive(PATIENCE)).get().extracting(Lease::receiveCount).isEqualTo(2);
    }

    @Test
    void releasingWithoutDelayMakesTheJobVisibleAtOnce() throws Exception {
        JobQueue queue = newQueue(LONG_LEASE, 5);
        Job job = newJob();
        queue.enqueue(job);
        Lease lease = queue.receive(PATIENCE).orElseThrow();

        queue.release(lease, Duration.ZERO);

        Lease again = queue.receive(PATIENCE).orElseThrow();
        assertThat(again.job()).isEqualTo(job);
        assertThat(again.receiveCount()).isEqualTo(2);
    }

    @Test
    void releasingWithADelayHidesTheJobForThatDelay() throws Exception {
        JobQueue queue = newQueue(LONG_LEASE, 5);
        queue.enqueue(newJob());
        Lease lease = queue.receive(PATIENCE).orElseThrow();

        queue.release(lease, Duration.ofSeconds(3));

        assertThat(queue.receive(Duration.ofSeconds(1))).isEmpty();
        assertThat(queue.receive(PATIENCE)).get().extracting(Lease::receiveCount).isEqualTo(2);
    }

    /**
     * Whether an ack with the receipt of an earlier delivery is guaranteed to leave the newer delivery alone. SQS
     * does not promise it (a delete with an older receipt "might" delete the message), so the core never relies on
     * it; a queue that does promise it says so and gets the stricter case below.
     */
    protected boolean staleReceiptsChangeNothing() {
        return true;
    }

    @Test
    void aStaleReceiptNeitherFailsNorStopsTheCurrentHolder() throws Exception {
        JobQueue queue = newQueue(SHORT_LEASE, 5);
        queue.enqueue(newJob());
        Lease stale = queue.receive(PATIENCE).orElseThrow();
        Lease current = queue.receive(PATIENCE).orElseThrow();

        queue.extend(stale, LONG_LEASE);
        queue.release(stale, Duration.ZERO);
        queue.ack(stale);
        queue.extend(current, LONG_LEASE);
        queue.ack(current);

        assertThat(queue.receive(Duration.ofSeconds(2))).isEmpty();
        assertThat(queue.snapshot().visible() + queue.snapshot().inFlight()).isZero();
    }

    @Test
    void anAckWithAStaleReceiptDoesNotDeleteTheNewerDelivery() throws Exception {
        assumeTrue(staleReceiptsChangeNothing(), "this queue does not promise to ignore stale receipts");
        JobQueue queue = newQueue(SHORT_LEASE, 5);
        Job job = newJob();
        queue.enqueue(job);
        Lease stale = queue.receive(PATIENCE).orElseThrow();
        Lease current = queue.receive(PATIENCE).orElseThrow();

        queue.ack(stale);
        queue.release(current, Duration.ZERO);

        Lease third = queue.receive(PATIENCE).orElseThrow();
        assertThat(third.job()).isEqualTo(job);
        assertThat(third.receiveCount()).isEqualTo(3);
    }

    @Test
    void aJobDeliveredMaxReceivesTimesIsDeadLetteredInsteadOfDeliveredAgain() throws Exception {
        JobQueue queue = newQueue(SHORT_LEASE, 2);
        queue.enqueue(newJob());

        assertThat(queue.receive(PATIENCE)).get().extracting(Lease::receiveCount).isEqualTo(1);
        assertThat(queue.receive(PATIENCE)).get().extracting(Lease::receiveCount).isEqualTo(2);
        assertThat(queue.receive(Duration.ofSeconds(3))).isEmpty();

        QueueSnapshot snapshot = queue.snapshot();
        assertThat(snapshot.deadLettered()).isEqualTo(1);
        assertThat(snapshot.visible() + snapshot.inFlight()).isZero();
    }

    @Test
    void aJobGivenUpOnMovesToTheDeadLetterQueue() throws Exception {
        JobQueue queue = newQueue(LONG_LEASE, 5);
        queue.enqueue(newJob());
        Lease lease = queue.receive(PATIENCE).orElseThrow();

        queue.deadLetter(lease, "the audio is not a recording");

        assertThat(queue.receive(BRIEF_LOOK)).isEmpty();
        assertThat(queue.snapshot()).isEqualTo(new QueueSnapshot(0, 0, 1, Duration.ZERO));
    }

    @Test
    void theSnapshotCountsVisibleLeasedAndDeadLetteredJobs() throws Exception {
        JobQueue queue = newQueue(LONG_LEASE, 5);
        for (int i = 0; i < 4; i++) {
            queue.enqueue(newJob());
        }
        queue.receive(PATIENCE).orElseThrow();
        queue.deadLetter(queue.receive(PATIENCE).orElseThrow(), "given up");

        QueueSnapshot snapshot = queue.snapshot();
        assertThat(snapshot.visible()).isEqualTo(2);
        assertThat(snapshot.inFlight()).isEqualTo(1);
        assertThat(snapshot.deadLettered()).isEqualTo(1);
        assertThat(snapshot.oldestVisibleAge()).isBetween(Duration.ZERO, Duration.ofMinutes(1));
    }

    @Test
    void aReceiveOnAnEmptyQueueWaitsAndReturnsNothing() throws Exception {
        JobQueue queue = newQueue(LONG_LEASE, 5);

        long start = System.nanoTime();
        Optional<Lease> lease = queue.receive(Duration.ofSeconds(1));

        assertThat(lease).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aWaitingReceiveReturnsAJobEnqueuedDuringTheWait() throws Exception {
        JobQueue queue = newQueue(LONG_LEASE, 5);
        Job job = newJob();
        CompletableFuture<Void> lateEnqueue = CompletableFuture.runAsync(() -> {
            sleep(Duration.ofMillis(700));
            queue.enqueue(job);
        });

        long start = System.nanoTime();
        Optional<Lease> lease = queue.receive(Duration.ofSeconds(10));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        lateEnqueue.join();
        assertThat(lease).get().extracting(Lease::job).isEqualTo(job);
        assertThat(waited).isBetween(Duration.ofMillis(600), Duration.ofSeconds(8));
    }

    @Test
    void concurrentConsumersNeverHoldTheSameJobAtOnce() throws Exception {
        JobQueue queue = newQueue(LONG_LEASE, 5);
        Set<Job> enqueued = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            Job job = newJob();
            enqueued.add(job);
            queue.enqueue(job);
        }
        List<Job> received = Collections.synchronizedList(new ArrayList<>());
        ExecutorService consumers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                running.add(consumers.submit(() -> {
                    for (Optional<Lease> lease = queue.receive(Duration.ofSeconds(2)); lease.isPresent();
                         lease = queue.receive(Duration.ofSeconds(2))) {
                        received.add(lease.get().job());
                    }
                    return null;
                }));
            }
            for (Future<?> consumer : running) {
                consumer.get(45, TimeUnit.SECONDS);
            }
        } finally {
            consumers.shutdownNow();
        }

        assertThat(received).hasSize(enqueued.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(received)).isEqualTo(enqueued);
    }

    protected static Job newJob() {
        return new Job("recording-" + UUID.randomUUID());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
