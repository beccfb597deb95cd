package org.classreflect.core.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.queue.Lease;
import org.classreflect.core.queue.QueueSnapshot;
import org.junit.jupiter.api.Test;

class ActivityReportingJobQueueTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

    /** The smallest queue that hands out its jobs once each. */
    private static final class ListQueue implements JobQueue {
        private final Deque<Job> jobs = new ArrayDeque<>();
        private int receipts;

        public void enqueue(Job job) {
            jobs.add(job);
        }

        public Optional<Lease> receive(Duration maxWait) {
            Job job = jobs.poll();
            return job == null ? Optional.empty() : Optional.of(new Lease(job, "r" + (++receipts), 1));
        }

        public void extend(Lease lease, Duration visibility) {
        }

        public void ack(Lease lease) {
        }

        public void release(Lease lease, Duration delay) {
        }

        public void deadLetter(Lease lease, String reason) {
        }

        public QueueSnapshot snapshot() {
            return new QueueSnapshot(jobs.size(), 0, 0, Duration.ZERO);
        }
    }

    private static final class RecordingFleet implements WorkerFleet {
        final List<String> reports = new ArrayList<>();
        boolean failing;

        public FleetSnapshot snapshot() {
            return new FleetSnapshot(List.of());
        }

        public List<String> start(int count) {
            return List.of();
        }

        public void stop(Collection<String> ids) {
        }

        public void reportActivity(String workerId, boolean busy, Instant since) {
            if (failing) {
                throw new IllegalStateException("fleet API down");
            }
            reports.add(workerId + (busy ? " busy " : " idle ") + since);
        }
    }

    private final ListQueue inner = new ListQueue();
    private final RecordingFleet fleet = new RecordingFleet();
    private final JobQueue queue = new ActivityReportingJobQueue(inner, fleet, "i-1", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void reportsBusyOnTheFirstJobAndIdleWhenTheLastOneIsDone() throws Exception {
        queue.enqueue(new Job("a"));
        queue.enqueue(new Job("b"));
        Lease a = queue.receive(Duration.ZERO).orElseThrow();
        Lease b = queue.receive(Duration.ZERO).orElseThrow();
        queue.ack(a);
        assertThat(fleet.reports).containsExactly("i-1 busy " + NOW);
        queue.release(b, Duration.ZERO);
        assertThat(fleet.reports).containsExactly("i-1 busy " + NOW, "i-1 idle " + NOW);
    }

    @Test
    void anEmptyPollReportsNothingAndAStaleSecondFinishReportsNothingAgain() throws Exception {
        assertThat(queue.receive(Duration.ZERO)).isEmpty();
        assertThat(fleet.reports).isEmpty();
        queue.enqueue(new Job("a"));
        Lease a = queue.receive(Duration.ZERO).orElseThrow();
        queue.release(a, Duration.ZERO); // handed back on shutdown...
        queue.ack(a);                    // ...and the worker finished it after all
        assertThat(fleet.reports).containsExactly("i-1 busy " + NOW, "i-1 idle " + NOW);
    }

    @Test
    void aFleetThatCannotBeToldNeverFailsTheJob() throws Exception {
        fleet.failing = true;
        queue.enqueue(new Job("a"));
        Lease a = queue.receive(Duration.ZERO).orElseThrow();
        queue.deadLetter(a, "broken");
        assertThat(a.job().recordingId()).isEqualTo("a");
    }
}
