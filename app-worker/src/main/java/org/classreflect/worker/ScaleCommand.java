package org.classreflect.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.classreflect.core.scaling.ScaleFleet;
import org.classreflect.core.scaling.ScalingObserver;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.wiring.SettingsAdapters;
import org.classreflect.sdk.wiring.FleetMembership;
import org.classreflect.sdk.wiring.Fleets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scale", mixinStandardHelpOptions = true,
        description = {"Sizes the worker fleet (CLASSREFLECT_FLEET) from the job queue: decides with the scaling "
                + "policy (CLASSREFLECT_SCALE_*), starts or stops workers, and logs each decision with its reason."})
final class ScaleCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleCommand.class);

    static final class Mode {
        @Option(names = "--once", required = true, description = "Decide and act once, then exit.")
        boolean once;

        @Option(names = "--every", required = true, paramLabel = "INTERVAL", arity = "0..1", fallbackValue = "",
                description = "Decide and act every INTERVAL (60s, 5m; without a value: CLASSREFLECT_SCALE_INTERVAL) "
                        + "until stopped.")
        String every;
    }

    @ArgGroup(multiplicity = "1")
    Mode mode;

    @Option(names = "--metrics-file", paramLabel = "FILE",
            description = "After every decision, write the queue, fleet and decision figures to FILE in the "
                    + "Prometheus text format (e.g. for node_exporter's textfile collector).")
    Path metricsFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = Settings.fromEnvironment();
        if (mode.every != null && !mode.every.isEmpty()) {
            settings = settings.with(Setting.SCALE_INTERVAL, mode.every);
        }
        WorkerFleet fleet;
        try {
            fleet = Fleets.fromSettings(settings);
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("cannot scale: " + e.getMessage());
            return 2;
        }
        ScaleFleet scaler = SettingsAdapters.scaler(settings, fleet);
        ScalingObserver metrics = metricsFile == null ? ScalingObserver.NONE : new ScalingMetrics(metricsFile);
        if (mode.once) {
            LOG.info("scaling: {}", scaler.execute(metrics).describe());
            return 0;
        }
        Duration interval = settings.duration(Setting.SCALE_INTERVAL);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                LOG.info("scaling: {}", scaler.execute(metrics).describe());
            } catch (RuntimeException e) {
                LOG.warn("scaling failed; trying again in {}", interval, e);
            }
            Thread.sleep(interval.toMillis());
        }
        return 0;
    }
}
