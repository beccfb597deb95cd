package org.classreflect.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.classreflect.core.scaling.CostModel;
import org.classreflect.core.scaling.ScalingConfig;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.worker.simulation.FleetSimulation;
import org.classreflect.worker.simulation.PolicyController;
import org.classreflect.worker.simulation.SchoolDay;
import org.classreflect.worker.simulation.SimulationReport;
import org.classreflect.worker.simulation.SimulationResult;
import org.classreflect.worker.simulation.SingleInstanceController;
import org.classreflect.worker.simulation.Upload;
import org.classreflect.worker.simulation.WorkModel;
import org.classreflect.sdk.wiring.SettingsAdapters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulates a school day of uploads through the scaling policy (configured by "
                + "CLASSREFLECT_SCALE_*) and through the original single instance, and compares time to transcript, "
                + "worker-hours and cost. Writes school-day.csv and school-day.png into --out."})
final class SimulateCommand implements Callable<Integer> {

    private static final Duration MINIMUM_BILLED = Duration.ofMinutes(1);

    @Option(names = "--lessons", description = "Recordings uploaded. Default: ${DEFAULT-VALUE}.")
    int lessons = SchoolDay.DEFAULT.lessons();

    @Option(names = "--from", description = "Start of the upload window. Default: ${DEFAULT-VALUE}.")
    LocalTime from = SchoolDay.DEFAULT.from();

    @Option(names = "--to", description = "End of the upload window. Default: ${DEFAULT-VALUE}.")
    LocalTime to = SchoolDay.DEFAULT.to();

    @Option(names = "--min-minutes", description = "Shortest lesson. Default: ${DEFAULT-VALUE}.")
    int minMinutes = (int) SchoolDay.DEFAULT.shortest().toMinutes();

    @Option(names = "--max-minutes", description = "Longest lesson. Default: ${DEFAULT-VALUE}.")
    int maxMinutes = (int) SchoolDay.DEFAULT.longest().toMinutes();

    @Option(names = "--seed", description = "Seed of the random upload times and lengths. Default: ${DEFAULT-VALUE}.")
    long seed = SchoolDay.DEFAULT.seed();

    @Option(names = "--rtf", description = "The engine's real-time factor (processing time / audio time). "
            + "Default: ${DEFAULT-VALUE}.")
    double realTimeFactor = CostModel.DEFAULTS.realTimeFactor();

    @Option(names = "--boot-seconds", description = "From launch to the first poll (boot and model load). "
            + "Default: ${DEFAULT-VALUE}.")
    int bootSeconds = 120;

    @Option(names = "--poll-seconds", description = "One long poll of the queue. Default: ${DEFAULT-VALUE}.")
    int pollSeconds = 20;

    @Option(names = "--empty-polls", description = "Empty polls after which the original instance stopped itself. "
            + "Default: ${DEFAULT-VALUE}.")
    int emptyPolls = 3;

    @Option(names = "--out", description = "Directory for the CSV and the chart. Default: ${DEFAULT-VALUE}.")
    Path out = Path.of("simulation");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Settings settings = Settings.fromEnvironment();
        ScalingConfig config = SettingsAdapters.scalingConfig(settings);
        SchoolDay day = new SchoolDay(lessons, from, to, Duration.ofMinutes(minMinutes), Duration.ofMinutes(maxMinutes),
                seed);
        WorkModel model = new WorkModel(Duration.ofSeconds(bootSeconds), realTimeFactor, Duration.ofSeconds(pollSeconds),
                settings.duration(Setting.SCALE_INTERVAL), MINIMUM_BILLED, config.hourlyPricePerWorker());
        List<Upload> uploads = day.uploads();
        List<SimulationResult> results = List.of(
                FleetSimulation.run(uploads, model, new PolicyController(config)),
                FleetSimulation.run(uploads, model, new SingleInstanceController(emptyPolls)));

        var console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "%d lessons of %d-%d min uploaded %s-%s (seed %d); RTF %.2f, boot %ds, polls of "
                        + "%ds, ticks of %ss, $%.4f per worker-hour; policy: min %d, max %d, %d jobs per worker, "
                        + "grace %s, %d starts at a time, $%.2f/h budget%n%n",
                lessons, minMinutes, maxMinutes, from, to, seed, realTimeFactor, bootSeconds, pollSeconds,
                model.tickInterval().toSeconds(), config.hourlyPricePerWorker(), config.minWorkers(),
                config.maxWorkers(), config.targetBacklogPerWorker(), config.idleGrace(),
                config.maxStartsPerDecision(), config.hourlyBudget());
        console.print(SimulationReport.table(results));

        Files.createDirectories(out);
        Path csv = out.resolve("school-day.csv");
        Path chart = out.resolve("school-day.png");
        SimulationReport.writeCsv(results, csv);
        SimulationReport.writeChart(results, lessons + " lessons uploaded " + from + "-" + to, chart);
        console.printf("%nwrote %s and %s%n", csv, chart);
        console.flush();
        return 0;
    }
}
