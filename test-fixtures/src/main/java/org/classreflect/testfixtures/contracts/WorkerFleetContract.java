package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.core.scaling.WorkerInstance;
import org.classreflect.core.scaling.WorkerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link WorkerFleet} must do. Providers move hosts between states on their own time, so the contract asks
 * the test to {@link #settle()} the provider instead of waiting. Extend it and say how to make a fleet on an empty
 * provider.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class WorkerFleetContract {

    /** A fresh fleet on a provider that can run at most {@code capacity} workers at once (an EC2 pool of that size). */
    protected abstract WorkerFleet newFleet(int capacity) throws Exception;

    /** The provider finishes every transition in progress: starting workers run, stopping ones stop. */
    protected abstract void settle();

    @Test
    void aNewFleetRunsNothing() throws Exception {
        WorkerFleet fleet = newFleet(3);

        assertThat(alive(fleet)).isEmpty();
    }

    @Test
    void startStartsTheCountAskedAndTheyRunOnceTheProviderSettles() throws Exception {
        WorkerFleet fleet = newFleet(3);

        List<String> started = fleet.start(2);

        assertThat(started).hasSize(2).doesNotHaveDuplicates();
        assertThat(started).allSatisfy(id -> assertThat(worker(fleet, id).state()).isEqualTo(WorkerState.STARTING));
        settle();
        assertThat(alive(fleet)).extracting(WorkerInstance::id).containsExactlyInAnyOrderElementsOf(started);
        assertThat(started).allSatisfy(id -> assertThat(worker(fleet, id).state()).isEqualTo(WorkerState.RUNNING));
    }

    @Test
    void startNeverStartsMoreThanTheProviderCanRun() throws Exception {
        WorkerFleet fleet = newFleet(2);

        List<String> first = fleet.start(5);
        List<String> second = fleet.start(1);

        assertThat(first).hasSize(2);
        assertThat(second).isEmpty();
        assertThat(alive(fleet)).hasSize(2);
    }

    @Test
    void startingNoneStartsNothing() throws Exception {
        WorkerFleet fleet = newFleet(2);

        assertThat(fleet.start(0)).isEmpty();
        assertThat(alive(fleet)).isEmpty();
    }

    @Test
    void aStoppedWorkerStopsAndTheOthersKeepRunning() throws Exception {
        WorkerFleet fleet = newFleet(2);
        List<String> started = fleet.start(2);
        settle();

        fleet.stop(List.of(started.get(0)));

        assertThat(worker(fleet, started.get(0)).state()).isIn(WorkerState.STOPPING, WorkerState.STOPPED);
        assertThat(worker(fleet, started.get(1)).state()).isEqualTo(WorkerState.RUNNING);
        settle();
        assertThat(alive(fleet)).extracting(WorkerInstance::id).containsExactly(started.get(1));
    }

    @Test
    void aStoppedWorkerFreesItsPlaceForANewStart() throws Exception {
        WorkerFleet fleet = newFleet(1);
        String first = fleet.start(1).get(0);
        settle();
        fleet.stop(List.of(first));
        settle();

        assertThat(fleet.start(1)).hasSize(1);
    }

    @Test
    void aWorkerThatNeverReportedIsIdleSinceItWasLaunched() throws Exception {
        WorkerFleet fleet = newFleet(1);
        String id = fleet.start(1).get(0);
        settle();

        WorkerInstance worker = worker(fleet, id);

        assertThat(worker.busy()).isFalse();
        assertThat(worker.idleSince()).isEqualTo(worker.launchedAt());
    }

    @Test
    void reportedActivityIsVisibleInTheNextSnapshot() throws Exception {
        WorkerFleet fleet = newFleet(1);
        String id = fleet.start(1).get(0);
        settle();
        Instant busySince = Instant.parse("2026-03-02T09:15:00Z");
        Instant idleSince = Instant.parse("2026-03-02T09:47:30.250Z");

        fleet.reportActivity(id, true, busySince);
        WorkerInstance busy = worker(fleet, id);
        fleet.reportActivity(id, false, idleSince);
        WorkerInstance idle = worker(fleet, id);

        assertThat(busy.busy()).isTrue();
        assertThat(busy.idleSince()).isNull();
        assertThat(idle.busy()).isFalse();
        assertThat(idle.idleSince()).isEqualTo(idleSince);
    }

    @Test
    void stoppingUnknownWorkersOrNoneIsHarmless() throws Exception {
        WorkerFleet fleet = newFleet(1);
        String id = fleet.start(1).get(0);
        settle();

        fleet.stop(List.of("no-such-worker"));
        fleet.stop(List.of());

        assertThat(worker(fleet, id).state()).isEqualTo(WorkerState.RUNNING);
    }

    private static List<WorkerInstance> alive(WorkerFleet fleet) {
        return fleet.snapshot().workers().stream()
                .filter(w -> w.state() == WorkerState.STARTING || w.state() == WorkerState.RUNNING)
                .toList();
    }

    private static WorkerInstance worker(WorkerFleet fleet, String id) {
        List<WorkerInstance> matching = fleet.snapshot().workers().stream().filter(w -> w.id().equals(id)).toList();
        assertThat(matching).as("workers with id %s", id).hasSize(1);
        return matching.get(0);
    }
}
