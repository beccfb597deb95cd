package org.classreflect.api;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.classreflect.core.school.BootstrapSuperAdmin;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.wiring.FleetMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running ClassReflect API process: database migrated, starter templates and first super admin in place,
 * unfinished jobs queued again, in-process workers and the retention task started, HTTP server listening.
 */
public final class ClassReflectServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClassReflectServer.class);

    private final ApiComponent app;
    private final Javalin http;
    private final Settings settings;
    private final Optional<BootstrapSuperAdmin.Created> createdAdmin;

    private ClassReflectServer(ApiComponent app, Javalin http, Settings settings,
                               Optional<BootstrapSuperAdmin.Created> createdAdmin) {
        this.app = app;
        this.http = http;
        this.settings = settings;
        this.createdAdmin = createdAdmin;
    }

    public static ClassReflectServer start(Settings settings, Transcriber transcriber, boolean demo)
            throws IOException {
        ApiComponent app = DaggerApiComponent.factory().create(settings, transcriber, FleetMembership.NONE);
        app.seedStarterTemplates().execute();
        Optional<BootstrapSuperAdmin.Created> admin = app.bootstrapSuperAdmin()
                .execute(settings.text(Setting.ADMIN_EMAIL), settings.optional(Setting.ADMIN_PASSWORD));
        if (demo) {
            DemoData.ensure(app).forEach(a -> LOG.info("demo account: {} ({}), password '{}'", a.email(), a.role(),
                    DemoData.PASSWORD));
        }
        var workers = app.workerRuntime();
        workers.recoverUnfinishedJobs();
        workers.startWorkers(settings.integer(Setting.WORKER_THREADS));
        workers.scheduleRetention();
        Path spool = Files.createDirectories(settings.dataDir().resolve("tmp").resolve("uploads"));
        Javalin http = app.apiServer().create(spool).start(settings.text(Setting.HOST), settings.integer(Setting.PORT));
        return new ClassReflectServer(app, http, settings, admin);
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

    @Override
    public void close() {
        http.stop();
        app.workerRuntime().stop(settings.duration(Setting.WORKER_SHUTDOWN_GRACE));
        app.database().close();
        app.awsClients().close();
    }
}
