package org.classreflect.api;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.classreflect.core.school.BootstrapSuperAdmin;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.ClassReflect;
import org.classreflect.sdk.ScratchSweeper;
import org.classreflect.sdk.metrics.ProcessMetrics;
import org.classreflect.sdk.metrics.PrometheusEndpoint;
import org.classreflect.sdk.wiring.FleetMembership;
import org.classreflect.sdk.wiring.SettingsAdapters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running ClassReflect API process: database migrated, starter templates and first super admin in place,
 * unfinished jobs queued again, in-process workers and the retention task started, HTTP server listening.
 */
public final class ClassReflectServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClassReflectServer.class);

    private final ClassReflect core;
    private final ApiComponent app;
    private final Javalin http;
    private final Settings settings;
    private final Optional<BootstrapSuperAdmin.Created> createdAdmin;
    private final ProcessMetrics metrics;
    private final Optional<PrometheusEndpoint> metricsEndpoint;

    private ClassReflectServer(ClassReflect core, ApiComponent app, Javalin http, Settings settings,
                               Optional<BootstrapSuperAdmin.Created> createdAdmin, ProcessMetrics metrics,
                               Optional<PrometheusEndpoint> metricsEndpoint) {
        this.metrics = metrics;
        this.metricsEndpoint = metricsEndpoint;
        this.core = core;
        this.app = app;
        this.http = http;
        this.settings = settings;
        this.createdAdmin = createdAdmin;
    }

    public static ClassReflectServer start(Settings settings, Transcriber transcriber, boolean demo)
            throws IOException {
        ProcessMetrics metrics = new ProcessMetrics();
        return start(settings, SettingsAdapters.configure(settings, transcriber, FleetMembership.NONE, metrics),
                metrics, demo);
    }

    /**
     * With the adapters the settings chose (configured with these metrics), as far as the caller changed them (a
     * test's own speaker estimator, a faulty store).
     */
    public static ClassReflectServer start(Settings settings, ClassReflect.Builder adapters, ProcessMetrics metrics,
                                           boolean demo) throws IOException {
        ClassReflect core = adapters.build();
        metrics.watchQueue(core.adapters().jobQueue());
        Optional<PrometheusEndpoint> metricsEndpoint = PrometheusEndpoint.fromSettings(settings, metrics);
        ApiComponent app = ApiComponent.on(core, settings, metrics);
        Optional<BootstrapSuperAdmin.Created> admin = app.bootstrapSuperAdmin()
                .execute(settings.text(Setting.ADMIN_EMAIL), settings.optional(Setting.ADMIN_PASSWORD));
        if (demo) {
            DemoData.ensure(app).forEach(a -> LOG.info("demo account: {} ({}), password '{}'", a.email(), a.role(),
                    DemoData.PASSWORD));
        }
        Path spool = Files.createDirectories(settings.dataDir().resolve("tmp").resolve("uploads"));
        // Uploads a killed process was spooling; the builder swept the work and probe directories already.
        ScratchSweeper uploads = new ScratchSweeper(List.of(spool), Clock.systemUTC());
        uploads.sweepAll();
        core.workers().sweepHourly(uploads);
        core.startWorkers(settings.integer(Setting.WORKER_THREADS));
        // its first run, now, also finishes the erasures a crash interrupted
        core.workers().scheduleRetention();
        Javalin http = app.apiServer().create(spool).start(settings.text(Setting.HOST), settings.integer(Setting.PORT));
        return new ClassReflectServer(core, app, http, settings, admin, metrics, metricsEndpoint);
    }

    public int port() {
        return http.port();
    }

    /** The super admin created by this start, with the generated password when one was generated. */
    public Optional<BootstrapSuperAdmin.Created> createdAdmin() {
        return createdAdmin;
    }

    public ApiComponent components() {
        return app;
    }

    /** The embedded ClassReflect this server serves. */
    public ClassReflect core() {
        return core;
    }

    /** The port of the metrics listener of its own (METRICS_PORT), when there is one. */
    public Optional<Integer> metricsPort() {
        return metricsEndpoint.map(PrometheusEndpoint::port);
    }

    @Override
    public void close() {
        metricsEndpoint.ifPresent(PrometheusEndpoint::close);
        http.stop();
        core.workers().stop(settings.duration(Setting.WORKER_SHUTDOWN_GRACE));
        core.close();
        metrics.close();
    }
}
