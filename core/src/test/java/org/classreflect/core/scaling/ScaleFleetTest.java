package org.classreflect.core.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.classreflect.core.scaling.ScalingDecision.Action;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.queue.Lease;
import org.classreflect.core.queue.QueueSnapshot;
import org.junit.jupiter.api.Test;

class ScaleFleetTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** A queue that only reports a fixed snapshot: the scaler never receives jobs. */
    private record SnapshotOnlyQueue(QueueSnapshot snapshot) implements JobQueue {
        public void enqueue(Job job) { throw new UnsupportedOperationException(); }
        public Optional<Lease> receive(Duration maxWait) { throw new UnsupportedOperationException(); }
        public void extend(Lease lease, Duration visibility) { throw new UnsupportedOperationException(); }
        public void ack(Lease lease) { throw new UnsupportedOperationException(); }
        public void release(Lease lease, Duration delay) { throw new UnsupportedOperationException(); }
        public void deadLetter(Lease lease, String reason) { throw new UnsupportedOperationException(); }
    }

    private static final class RecordingFleet implements WorkerFleet {
        final List<WorkerInstance> workers = new ArrayList<>();
        final List<Integer> startRequests = new ArrayList<>();
        final List<Collection<String>> stopRequests = new ArrayList<>();

        public FleetSnapshot snapshot() { return new FleetSnapshot(workers); }
        public List<String> start(int count) { startRequests.add(count); return List.of("i-1"); }
        public void stop(Collection<String> ids) { stopRequests.add(List.copyOf(ids)); }
        public void reportActivity(String workerId, boolean busy, Instant since) { }
    }

    @Test
    void waitingWorkStartsWorkers() {
        RecordingFleet fleet = new RecordingFleet();
        ScalingDecision d = new ScaleFleet(new SnapshotOnlyQueue(new QueueSnapshot(3, 0, 0, Duration.ofSeconds(5))),
                fleet, ScalingConfig.DEFAULTS, CLOCK).execute();
        assertThat(d.action()).isEqualTo(Action.START);
        assertThat(fleet.startRequests).containsExactly(2);
        assertThat(fleet.stopRequests).isEmpty();
    }

    @Test
    void idleWorkersPastTheGraceAreStoppedWhenTheQueueIsEmpty() {
        RecordingFleet fleet = new RecordingFleet();
        fleet.workers.add(new WorkerInstance("i-9", WorkerState.RUNNING, false, NOW.minusSeconds(600),
                NOW.minusSeconds(3600)));
        ScalingDecision d = new ScaleFleet(new SnapshotOnlyQueue(new QueueSnapshot(0, 0, 0, Duration.ZERO)),
                fleet, ScalingConfig.DEFAULTS, CLOCK).execute();
        assertThat(d.action()).isEqualTo(Action.STOP);
        assertThat(fleet.stopRequests).containsExactly(List.of("i-9"));
        assertThat(fleet.startRequests).isEmpty();
    }

    @Test
    void aFleetAsAimedIsLeftAlone() {
        RecordingFleet fleet = new RecordingFleet();
        fleet.workers.add(new WorkerInstance("i-1", WorkerState.RUNNING, true, null, NOW.minusSeconds(60)));
        ScalingDecision d = new ScaleFleet(new SnapshotOnlyQueue(new QueueSnapshot(1, 1, 0, Duration.ZERO)),
                fleet, ScalingConfig.DEFAULTS, CLOCK).execute();
        assertThat(d.action()).isEqualTo(Action.NOTHING);
        assertThat(fleet.startRequests).isEmpty();
        assertThat(fleet.stopRequests).isEmpty();
    }
}
