package org.classreflect.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;
import org.classreflect.core.scaling.FleetSnapshot;
import org.classreflect.core.scaling.ScalingDecision;
import org.classreflect.core.scaling.ScalingObserver;
import org.classreflect.core.scaling.WorkerInstance;
import org.classreflect.core.scaling.WorkerState;
import org.classreflect.core.queue.QueueSnapshot;

/**
 * The scaler's figures in the Prometheus text format, rewritten after every round into one file (what a scheduled
 * job hands to node_exporter's textfile collector, or a sidecar ships to CloudWatch).
 */
final class ScalingMetrics implements ScalingObserver {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Path file;
    private final AtomicLong visible = gauge("classreflect.queue.visible", "jobs waiting");
    private final AtomicLong inFlight = gauge("classreflect.queue.in.flight", "jobs leased to a worker");
    private final AtomicLong deadLettered = gauge("classreflect.queue.dead.lettered", "jobs given up on");
    private final AtomicLong running = gauge("classreflect.workers.running", "workers running");
    private final AtomicLong starting = gauge("classreflect.workers.starting", "workers starting");
    private final AtomicLong busy = gauge("classreflect.workers.busy", "workers with a job");
    private final AtomicLong target = gauge("classreflect.workers.target", "workers the policy aims at");
    private final Counter started = Counter.builder("classreflect.scaler.workers.started")
            .description("workers the scaler asked to start").register(registry);
    private final Counter stopped = Counter.builder("classreflect.scaler.workers.stopped")
            .description("workers the scaler stopped").register(registry);

    ScalingMetrics(Path file) {
        this.file = file;
    }

    @Override
    public void observed(QueueSnapshot queue, FleetSnapshot fleet, ScalingDecision decision) {
        visible.set(queue.visible());
        inFlight.set(queue.inFlight());
        deadLettered.set(queue.deadLettered());
        running.set(count(fleet, WorkerState.RUNNING));
        starting.set(count(fleet, WorkerState.STARTING));
        busy.set(fleet.workers().stream().filter(WorkerInstance::busy).count());
        target.set(decision.targetWorkers());
        started.increment(decision.startCount());
        stopped.increment(decision.stopIds().size());
        write();
    }

    private void write() {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".scaler-", ".prom");
            Files.writeString(temp, registry.scrape(), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the scaler's metrics to " + file, e);
        }
    }

    private AtomicLong gauge(String name, String description) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get).description(description).register(registry);
        return value;
    }

    private static long count(FleetSnapshot fleet, WorkerState state) {
        return fleet.workers().stream().filter(w -> w.state() == state).count();
    }
}
