package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.inmemory.InMemoryJobQueue;
import org.classreflect.core.inmemory.DeadLetter;
import org.classreflect.testfixtures.fakes.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.queue.Lease;
import org.classreflect.core.queue.QueueSnapshot;
import org.classreflect.testfixtures.contracts.JobQueueContract;
import org.junit.jupiter.api.Test;

class InMemoryJobQueueTest extends JobQueueContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));

    @Override
    protected JobQueue newQueue(Duration visibility, int maxReceives) {
        return new InMemoryJobQueue(visibility, maxReceives, Clock.systemUTC());
    }

    @Test
    void theSnapshotReportsHowLongTheOldestVisibleJobHasWaited() {
        InMemoryJobQueue queue = new InMemoryJobQueue(Duration.ofMinutes(1), 3, clock);
        queue.enqueue(newJob());
        clock.advance(Duration.ofSeconds(90));
        queue.enqueue(newJob());
        clock.advance(Duration.ofSeconds(10));

        assertThat(queue.snapshot()).isEqualTo(new QueueSnapshot(2, 0, 0, Duration.ofSeconds(100)));
    }

    @Test
    void deadLettersKeepTheJobTheReasonAndTheNumberOfDeliveries() throws InterruptedException {
        InMemoryJobQueue queue = new InMemoryJobQueue(Duration.ofMinutes(1), 2, clock);
        Job explicit = newJob();
        Job redriven = newJob();
        queue.enqueue(explicit);
        queue.deadLetter(queue.receive(Duration.ZERO).orElseThrow(), "the audio is silent");
        queue.enqueue(redriven);
        queue.receive(Duration.ZERO).orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        queue.receive(Duration.ZERO).orElseThrow();
        clock.advance(Duration.ofMinutes(1));

        assertThat(queue.receive(Duration.ZERO)).isEmpty();
        assertThat(queue.deadLetters()).extracting(DeadLetter::job, DeadLetter::reason, DeadLetter::receiveCount)
                .containsExactly(
                        tuple(explicit, "the audio is silent", 1),
                        tuple(redriven, "not acknowledged after 2 deliveries", 2));
    }

    @Test
    void aLeaseRunsOutByTheClockNotByTheWallClock() throws InterruptedException {
        InMemoryJobQueue queue = new InMemoryJobQueue(Duration.ofMinutes(5), 3, clock);
        queue.enqueue(newJob());
        Lease first = queue.receive(Duration.ZERO).orElseThrow();

        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(queue.receive(Duration.ZERO)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        Lease second = queue.receive(Duration.ZERO).orElseThrow();

        assertThat(second.job()).isEqualTo(first.job());
        assertThat(second.receiveCount()).isEqualTo(2);
    }

    @Test
    void aStaleHolderCanNeitherExtendNorReleaseNorDeadLetterTheNewerDelivery() throws InterruptedException {
        InMemoryJobQueue queue = new InMemoryJobQueue(Duration.ofMinutes(1), 5, clock);
        queue.enqueue(newJob());
        Lease stale = queue.receive(Duration.ZERO).orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        queue.receive(Duration.ZERO).orElseThrow();

        queue.release(stale, Duration.ZERO);
        queue.deadLetter(stale, "stale");
        queue.extend(stale, Duration.ofHours(1));

        assertThat(queue.snapshot()).isEqualTo(new QueueSnapshot(0, 1, 0, Duration.ZERO));
        clock.advance(Duration.ofMinutes(1));
        assertThat(queue.receive(Duration.ZERO)).get().extracting(Lease::receiveCount).isEqualTo(3);
    }
}
