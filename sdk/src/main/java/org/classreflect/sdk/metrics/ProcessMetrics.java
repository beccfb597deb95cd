package org.classreflect.sdk.metrics;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.classreflect.adapters.sql.Database;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.queue.QueueSnapshot;
import org.classreflect.core.telemetry.WorkMetrics;

/**
 * One process's meters, scraped in the Prometheus text format: the JVM's memory, threads, GC and CPU, the database
 * pool, the queue, and the work (through {@link #work()}); the API adds its HTTP meters to {@link #registry()}.
 */
public final class ProcessMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final WorkMetrics work = new MicrometerWorkMetrics(registry);

    public ProcessMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public WorkMetrics work() {
        return work;
    }

    /** Everything measured so far, in the Prometheus text format (0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** Connections in use, idle, open and awaited, when the database pools its own. */
    public void watchDatabase(Database database) {
        database.pool().ifPresent(pool -> {
            poolGauge(pool, "active", "connections in use", HikariPoolMXBean::getActiveConnections);
            poolGauge(pool, "idle", "connections open and idle", HikariPoolMXBean::getIdleConnections);
            poolGauge(pool, "open", "connections open", HikariPoolMXBean::getTotalConnections);
            poolGauge(pool, "pending", "threads waiting for a connection",
                    HikariPoolMXBean::getThreadsAwaitingConnection);
        });
    }

    /** Jobs waiting, in flight and dead-lettered, and the age of the oldest waiting one, read at each scrape. */
    public void watchQueue(JobQueue queue) {
        QueueReading reading = new QueueReading(queue);
        queueGauge(reading, "classreflect.queue.visible", "jobs waiting", QueueSnapshot::visible);
        queueGauge(reading, "classreflect.queue.in.flight", "jobs leased to a worker", QueueSnapshot::inFlight);
        queueGauge(reading, "classreflect.queue.dead.lettered", "jobs given up on", QueueSnapshot::deadLettered);
        Gauge.builder("classreflect.queue.oldest.age", reading,
                        r -> r.value(s -> s.oldestVisibleAge().toMillis() / 1000.0))
                .baseUnit("seconds").description("how long the oldest waiting job has waited").strongReference(true)
                .register(registry);
    }

    private void poolGauge(HikariPoolMXBean pool, String what, String description,
                           ToDoubleFunction<HikariPoolMXBean> value) {
        Gauge.builder("classreflect.db.pool." + what, pool, value).description(description).register(registry);
    }

    private void queueGauge(QueueReading reading, String name, String description,
                            ToDoubleFunction<QueueSnapshot> value) {
        Gauge.builder(name, reading, r -> r.value(value)).description(description).strongReference(true)
                .register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /** One snapshot serves every queue gauge of a scrape: for SQS each snapshot is a request. */
    private static final class QueueReading {

        private static final Duration FRESH = Duration.ofSeconds(1);

        private final JobQueue queue;
        private QueueSnapshot last;
        private long readAt;

        QueueReading(JobQueue queue) {
            this.queue = queue;
        }

        synchronized double value(ToDoubleFunction<QueueSnapshot> field) {
            try {
                if (last == null || System.nanoTime() - readAt > FRESH.toNanos()) {
                    last = queue.snapshot();
                    readAt = System.nanoTime();
                }
                return field.applyAsDouble(last);
            } catch (RuntimeException e) {
                return Double.NaN; // the queue cannot be reached: no figure rather than a wrong one
            }
        }
    }
}
