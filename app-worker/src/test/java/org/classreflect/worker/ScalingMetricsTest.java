package org.classreflect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.classreflect.core.scaling.FleetSnapshot;
import org.classreflect.core.scaling.ScalingDecision;
import org.classreflect.core.scaling.WorkerInstance;
import org.classreflect.core.scaling.WorkerState;
import org.classreflect.core.queue.QueueSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingMetricsTest {

    private static final Instant T = Instant.parse("2026-11-23T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyRoundRewritesTheFileWithTheQueueTheFleetAndTheRunningTotals() throws Exception {
        Path file = dir.resolve("metrics/scaler.prom");
        ScalingMetrics metrics = new ScalingMetrics(file);
        FleetSnapshot fleet = new FleetSnapshot(List.of(
                new WorkerInstance("i-1", WorkerState.RUNNING, true, null, T),
                new WorkerInstance("i-2", WorkerState.RUNNING, false, T, T),
                new WorkerInstance("i-3", WorkerState.STARTING, false, null, T)));

        metrics.observed(new QueueSnapshot(7, 1, 2, Duration.ZERO), fleet,
                new ScalingDecision(ScalingDecision.Action.START, 2, List.of(), 5, "backlog"));
        metrics.observed(new QueueSnapshot(0, 0, 2, Duration.ZERO), fleet,
                new ScalingDecision(ScalingDecision.Action.STOP, 0, List.of("i-2"), 2, "idle"));

        String text = Files.readString(file);
        assertThat(text)
                .contains("classreflect_queue_visible 0.0")
                .contains("classreflect_queue_dead_lettered 2.0")
                .contains("classreflect_workers_running 2.0")
                .contains("classreflect_workers_starting 1.0")
                .contains("classreflect_workers_busy 1.0")
                .contains("classreflect_workers_target 2.0")
                .contains("classreflect_scaler_workers_started_total 2.0")
                .contains("classreflect_scaler_workers_stopped_total 1.0");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary files left beside it").containsExactly(file);
        }
    }
}
