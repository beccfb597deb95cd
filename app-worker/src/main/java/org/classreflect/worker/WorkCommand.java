package org.classreflect.worker;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.ClassReflect;
import org.classreflect.sdk.metrics.ProcessMetrics;
import org.classreflect.sdk.metrics.PrometheusEndpoint;
import org.classreflect.sdk.wiring.FleetMembership;
import org.classreflect.sdk.wiring.Fleets;
import org.classreflect.sdk.wiring.Logging;
import org.classreflect.sdk.wiring.Transcribers;
import org.classreflect.sdk.wiring.SettingsAdapters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The queue worker. On a fleet host it reports when it is busy, hands its job back at once when a spot instance is
 * about to be taken or on SIGTERM (after a grace period), and switches its own host off after it has been idle.
 */
@Command(name = "work", mixinStandardHelpOptions = true,
        description = "Processes queued recordings until stopped (SIGTERM hands an unfinished job back).")
final class WorkCommand implements Callable<Integer> {

    @Option(names = "--stop-after-empty-polls", paramLabel = "N",
            description = "Exit 0 after N polls in a row found no work, and on an EC2 fleet stop this instance, so "
                    + "an idle host costs nothing (0: never). Default: ${DEFAULT-VALUE}.")
    int stopAfterEmptyPolls;

    @Option(names = "--pull-model", paramLabel = "NAME",
            description = "Before working, fetch this model from CLASSREFLECT_MODELS_URL into CLASSREFLECT_MODELS_DIR "
                    + "unless it is there, check its sha-256, and transcribe with it; exit 1 if it cannot be "
                    + "installed (a container image fetches its model at start into a volume this way).")
    String pullModel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings configured = Settings.fromEnvironment();
        if (pullModel != null) {
            ModelsCommand.Installed model = ModelsCommand.install(pullModel, configured, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
            if (model.file().isEmpty()) {
                return model.exitCode();
            }
            configured = configured.with(Setting.WHISPER_MODEL, model.file().get().toString());
        }
        Settings settings = configured;
        Logging.checkFormat(settings);
        FleetMembership membership = Fleets.membership(settings);
        // Building it seeds the starter templates: a worker may start before any API process on a new database.
        ProcessMetrics metrics = new ProcessMetrics();
        ClassReflect core = SettingsAdapters.configure(settings, Transcribers.fromSettings(settings), membership,
                metrics).build();
        metrics.watchQueue(core.adapters().jobQueue());
        Optional<PrometheusEndpoint> metricsEndpoint = PrometheusEndpoint.fromSettings(settings, metrics);
        metricsEndpoint.ifPresent(e -> System.out.println("metrics on port " + e.port()));
        var runtime = core.workers();
        AtomicBoolean interrupted = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            interrupted.set(true);
            runtime.stop(settings.duration(Setting.WORKER_SHUTDOWN_GRACE));
        }, "shutdown"));
        int completed;
        try (AutoCloseable spot = Fleets.watchSpotInterruptions(settings, () -> {
            interrupted.set(true);
            runtime.stop(Duration.ZERO);
        })) {
            runtime.scheduleRetention();
            completed = core.runWorker(stopAfterEmptyPolls);
        }
        System.out.println("worker stopped after completing " + completed + " recording(s)");
        core.close();
        metricsEndpoint.ifPresent(PrometheusEndpoint::close);
        metrics.close();
        if (stopAfterEmptyPolls > 0 && !interrupted.get()) {
            membership.stopOwnHost().run();
        }
        return 0;
    }
}
