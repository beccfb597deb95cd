package org.classreflect.core.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.classreflect.core.scaling.ScalingDecision.Action;
import org.classreflect.core.queue.QueueSnapshot;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ScalingPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:30:00Z");

    // ---- generators ----

    private static final Gen<ScalingConfig> CONFIGS = integers().between(0, 3).flatMap(min ->
            integers().between(Math.max(min, 1), 15).flatMap(max ->
                    Generate.pick(List.of(0.0464, 0.1664, 0.19748, 0.5)).flatMap(price ->
                            integers().between(Math.max(min, 1), 25).zip(integers().between(0, 99),
                                    integers().between(1, 5), integers().between(0, 900), integers().between(1, 6),
                                    (affordable, cents, backlog, graceSeconds, starts) -> new ScalingConfig(min, max,
                                            backlog, Duration.ofSeconds(graceSeconds), starts,
                                            price * affordable + price * cents / 100.0, price)))));

    private static final Gen<QueueSnapshot> QUEUES = queues(0);
    private static final Gen<QueueSnapshot> QUEUES_WITH_WAITING_WORK = queues(1);

    private static Gen<QueueSnapshot> queues(int leastWaiting) {
        return integers().between(leastWaiting, 120).zip(integers().between(0, 30), integers().between(0, 5),
                integers().between(0, 7200), (visible, inFlight, dead, age) -> new QueueSnapshot(visible, inFlight,
                        dead, Duration.ofSeconds(visible == 0 ? 0 : age)));
    }

    private record Shape(WorkerState state, boolean busy, int idleSecondsAgo, boolean reported) {
    }

    private static final Gen<Shape> SHAPES = Generate.enumValues(WorkerState.class).zip(Generate.booleans(),
            integers().between(0, 3600), Generate.booleans(), Shape::new);

    private static final Gen<FleetSnapshot> FLEETS = lists().of(SHAPES).ofSizeBetween(0, 25).map(shapes -> {
        List<WorkerInstance> workers = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            Shape s = shapes.get(i);
            Instant idleSince = NOW.minusSeconds(s.idleSecondsAgo());
            workers.add(new WorkerInstance("w" + i, s.state(), s.busy(), s.reported() ? idleSince : null,
                    idleSince.minusSeconds(60)));
        }
        return new FleetSnapshot(workers);
    });

    // ---- what happens to a fleet when a decision is carried out ----

    private static long active(FleetSnapshot fleet) {
        return fleet.workers().stream()
                .filter(w -> w.state() == WorkerState.STARTING || w.state() == WorkerState.RUNNING).count();
    }

    private static FleetSnapshot apply(FleetSnapshot fleet, ScalingDecision decision, Instant at) {
        List<WorkerInstance> after = new ArrayList<>();
        for (WorkerInstance w : fleet.workers()) {
            after.add(decision.stopIds().contains(w.id())
                    ? new WorkerInstance(w.id(), WorkerState.STOPPING, false, w.idleSince(), w.launchedAt()) : w);
        }
        for (int i = 0; i < decision.startCount(); i++) {
            after.add(new WorkerInstance("new-" + at.toEpochMilli() + "-" + i, WorkerState.STARTING, false, null, at));
        }
        return new FleetSnapshot(after);
    }

    // ---- properties ----

    @Test
    void neverStartsBeyondTheMaximum() {
        qt().forAll(QUEUES, FLEETS, CONFIGS).checkAssert((queue, fleet, config) -> {
            ScalingDecision d = ScalingPolicy.decide(queue, fleet, config, NOW);
            long after = active(apply(fleet, d, NOW));
            if (d.action() == Action.START) {
                assertThat(after).isLessThanOrEqualTo(config.maxWorkers());
            }
            assertThat(after).isLessThanOrEqualTo(Math.max(config.maxWorkers(), active(fleet)));
        });
    }

    @Test
    void neverStopsABusyOrStartingWorkerNorOneWithinItsGrace() {
        qt().forAll(QUEUES, FLEETS, CONFIGS).checkAssert((queue, fleet, config) -> {
            ScalingDecision d = ScalingPolicy.decide(queue, fleet, config, NOW);
            Map<String, WorkerInstance> byId = fleet.workers().stream()
                    .collect(Collectors.toMap(WorkerInstance::id, Function.identity()));
            for (String id : d.stopIds()) {
                WorkerInstance w = byId.get(id);
                assertThat(w).as(id).isNotNull();
                assertThat(w.state()).isEqualTo(WorkerState.RUNNING);
                assertThat(w.busy()).as("busy " + id).isFalse();
                Instant idleSince = w.idleSince() == null ? w.launchedAt() : w.idleSince();
                assertThat(idleSince).isBeforeOrEqualTo(NOW.minus(config.idleGrace()));
            }
            assertThat(d.stopIds()).doesNotHaveDuplicates();
        });
    }

    @Test
    void waitingWorkAlwaysHasAWorkerRunningOrStarting() {
        qt().forAll(QUEUES_WITH_WAITING_WORK, FLEETS, CONFIGS).checkAssert((queue, fleet, config) -> {
            ScalingDecision d = ScalingPolicy.decide(queue, fleet, config, NOW);
            assertThat(active(apply(fleet, d, NOW))).as(d.describe()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void anIdleFleetWithNoWorkConvergesToTheMinimum() {
        qt().forAll(FLEETS, CONFIGS).checkAssert((initial, config) -> {
            Instant now = NOW;
            FleetSnapshot fleet = initial;
            QueueSnapshot empty = new QueueSnapshot(0, 0, 0, Duration.ZERO);
            ScalingDecision d = null;
            for (int step = 0; step < 30; step++) {
                fleet = settle(fleet, now); // every worker boots, finishes and has idled through the grace period
                now = now.plus(config.idleGrace()).plusSeconds(60);
                d = ScalingPolicy.decide(empty, fleet, config, now);
                fleet = apply(fleet, d, now);
            }
            assertThat(d.action()).as(d.describe()).isEqualTo(Action.NOTHING);
            assertThat(active(fleet)).isEqualTo(config.minWorkers());
        });
    }

    /** Starting workers are running, stopping ones are gone, and none is busy any more. */
    private static FleetSnapshot settle(FleetSnapshot fleet, Instant now) {
        return new FleetSnapshot(fleet.workers().stream()
                .filter(w -> w.state() == WorkerState.STARTING || w.state() == WorkerState.RUNNING)
                .map(w -> new WorkerInstance(w.id(), WorkerState.RUNNING, false, now, w.launchedAt()))
                .toList());
    }

    @Test
    void moreBacklogNeverAimsAtFewerWorkers() {
        qt().forAll(QUEUES, integers().between(0, 200), integers().between(0, 50), CONFIGS)
                .checkAssert((queue, moreWaiting, moreInFlight, config) -> {
                    QueueSnapshot bigger = new QueueSnapshot(queue.visible() + moreWaiting,
                            queue.inFlight() + moreInFlight, queue.deadLettered(), queue.oldestVisibleAge());
                    assertThat(ScalingPolicy.targetWorkers(bigger, config))
                            .isGreaterThanOrEqualTo(ScalingPolicy.targetWorkers(queue, config));
                    assertThat(ScalingPolicy.decide(bigger, NO_WORKERS, config, NOW).targetWorkers())
                            .isGreaterThanOrEqualTo(ScalingPolicy.decide(queue, NO_WORKERS, config, NOW)
                                    .targetWorkers());
                });
    }

    @Test
    void startsNeverTakeTheFleetOverTheHourlyBudget() {
        qt().forAll(QUEUES, FLEETS, CONFIGS).checkAssert((queue, fleet, config) -> {
            ScalingDecision d = ScalingPolicy.decide(queue, fleet, config, NOW);
            if (d.action() == Action.START) {
                double hourly = active(apply(fleet, d, NOW)) * config.hourlyPricePerWorker();
                assertThat(hourly).isLessThanOrEqualTo(config.hourlyBudget());
            }
        });
    }

    @Test
    void decidingAgainRightAfterActingDoesNotTurnBack() {
        qt().forAll(QUEUES, FLEETS, CONFIGS).checkAssert((queue, fleet, config) -> {
            ScalingDecision first = ScalingPolicy.decide(queue, fleet, config, NOW);
            ScalingDecision second = ScalingPolicy.decide(queue, apply(fleet, first, NOW), config, NOW);
            switch (first.action()) {
                case START -> {
                    assertThat(second.action()).isNotEqualTo(Action.STOP);
                    if (first.startCount() < config.maxStartsPerDecision()) {
                        assertThat(second.action()).as(second.describe()).isEqualTo(Action.NOTHING);
                    }
                }
                case STOP, NOTHING -> assertThat(second.action()).as(second.describe()).isEqualTo(Action.NOTHING);
            }
            assertThat(second.targetWorkers()).isEqualTo(first.targetWorkers());
        });
    }

    // ---- examples ----

    private static final QueueSnapshot NO_WORK = new QueueSnapshot(0, 0, 0, Duration.ZERO);
    private static final FleetSnapshot NO_WORKERS = new FleetSnapshot(List.of());

    private static WorkerInstance idle(String id, Duration idleFor) {
        return new WorkerInstance(id, WorkerState.RUNNING, false, NOW.minus(idleFor), NOW.minusSeconds(7200));
    }

    @Test
    void fiveWaitingJobsStartThreeWorkersAtTwoJobsEach() {
        ScalingDecision d = ScalingPolicy.decide(new QueueSnapshot(5, 0, 0, Duration.ofSeconds(40)),
                NO_WORKERS, ScalingConfig.DEFAULTS, NOW);
        assertThat(d.action()).isEqualTo(Action.START);
        assertThat(d.startCount()).isEqualTo(3);
        assertThat(d.targetWorkers()).isEqualTo(3);
        assertThat(d.describe()).isEqualTo("start 3: 5 waiting and 0 in progress, oldest waiting 40s at 2 per worker "
                + "(min 0, max 20 within $4.00/h); 0 running or starting, aiming at 3");
    }

    @Test
    void aBurstStartsAtMostTheRateLimitAtATime() {
        ScalingDecision d = ScalingPolicy.decide(new QueueSnapshot(100, 0, 0, Duration.ofMinutes(2)),
                NO_WORKERS, ScalingConfig.DEFAULTS, NOW);
        assertThat(d.startCount()).isEqualTo(5);
        assertThat(d.targetWorkers()).isEqualTo(20);
        assertThat(d.reason()).endsWith("aiming at 20 (at most 5 at a time)");
    }

    @Test
    void theBudgetCapsTheFleetBelowTheMaximum() {
        ScalingConfig oneDollar = new ScalingConfig(0, 20, 1, Duration.ofMinutes(5), 10, 1.00, 0.1664);
        ScalingDecision d = ScalingPolicy.decide(new QueueSnapshot(50, 0, 0, Duration.ZERO), NO_WORKERS,
                oneDollar, NOW);
        assertThat(d.startCount()).isEqualTo(6); // 6 x 0.1664 = 0.9984; a seventh would cost 1.1648
    }

    @Test
    void withNoWorkOnlyTheWorkerIdlePastTheGraceIsStopped() {
        FleetSnapshot fleet = new FleetSnapshot(List.of(
                idle("w-recent", Duration.ofMinutes(2)),
                idle("w-old", Duration.ofMinutes(10)),
                new WorkerInstance("w-busy", WorkerState.RUNNING, true, null, NOW.minusSeconds(7200)),
                new WorkerInstance("w-new", WorkerState.STARTING, false, null, NOW.minusSeconds(3600))));
        ScalingDecision d = ScalingPolicy.decide(new QueueSnapshot(0, 1, 0, Duration.ZERO), fleet,
                ScalingConfig.DEFAULTS, NOW);
        assertThat(d.action()).isEqualTo(Action.STOP);
        assertThat(d.stopIds()).containsExactly("w-old");
        assertThat(d.targetWorkers()).isEqualTo(1);
    }

    @Test
    void aWorkerThatNeverReportedCountsAsIdleSinceItsLaunch() {
        FleetSnapshot fleet = new FleetSnapshot(List.of(
                new WorkerInstance("w-silent", WorkerState.RUNNING, false, null, NOW.minus(Duration.ofMinutes(6)))));
        assertThat(ScalingPolicy.decide(NO_WORK, fleet, ScalingConfig.DEFAULTS, NOW).stopIds())
                .containsExactly("w-silent");
    }

    @Test
    void aWorkerWithinItsGraceIsKeptAndTheReasonSaysSo() {
        ScalingDecision d = ScalingPolicy.decide(NO_WORK, new FleetSnapshot(List.of(idle("w1", Duration.ofMinutes(1)))),
                ScalingConfig.DEFAULTS, NOW);
        assertThat(d.action()).isEqualTo(Action.NOTHING);
        assertThat(d.reason()).endsWith("no worker has been idle for 5m yet");
    }

    @Test
    void theLongestIdleWorkersGoFirstAndTheMinimumStays() {
        ScalingConfig keepOne = new ScalingConfig(1, 5, 2, Duration.ofMinutes(5), 5, 4.00, 0.1664);
        FleetSnapshot fleet = new FleetSnapshot(List.of(idle("a", Duration.ofMinutes(7)),
                idle("b", Duration.ofMinutes(30)), idle("c", Duration.ofMinutes(9))));
        assertThat(ScalingPolicy.decide(NO_WORK, fleet, keepOne, NOW).stopIds()).containsExactly("b", "c");
    }

    @Test
    void configurationsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new ScalingConfig(3, 2, 1, Duration.ZERO, 1, 10, 1))
                .hasMessageContaining("maxWorkers");
        assertThatThrownBy(() -> new ScalingConfig(0, 2, 1, Duration.ZERO, 1, 0.10, 0.1664))
                .hasMessageContaining("at least one worker");
        assertThatThrownBy(() -> new ScalingConfig(4, 5, 1, Duration.ZERO, 1, 0.5, 0.1664))
                .hasMessageContaining("minWorkers");
        assertThatThrownBy(() -> new ScalingConfig(0, 2, 0, Duration.ZERO, 1, 1, 0.1))
                .hasMessageContaining("targetBacklogPerWorker");
    }
}
