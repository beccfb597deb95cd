package org.classreflect.worker;

import java.util.concurrent.Callable;
import org.classreflect.worker.config.Setting;
import org.classreflect.worker.config.Settings;
import org.classreflect.worker.wiring.DaggerWorkerComponent;
import org.classreflect.worker.wiring.Logging;
import org.classreflect.worker.wiring.Transcribers;
import org.classreflect.worker.wiring.WorkerComponent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "classreflect-worker", mixinStandardHelpOptions = true,
        subcommands = {WorkerMain.Work.class, TranscribeCommand.class, ModelsCommand.class, ScaleCommand.class,
                SimulateCommand.class},
        description = "ClassReflect's worker and command-line tools.")
public final class WorkerMain {

    public static void main(String[] args) {
        Logging.routeJavaUtilLoggingToSlf4j();
        System.exit(new CommandLine(new WorkerMain()).execute(args));
    }

    @Command(name = "work", mixinStandardHelpOptions = true,
            description = "Processes queued recordings until stopped (SIGTERM hands an unfinished job back).")
    static final class Work implements Callable<Integer> {

        @Option(names = "--stop-after-empty-polls", paramLabel = "N",
                description = "Exit 0 after N polls in a row found no work, so the host can switch itself off "
                        + "(0: never). Default: ${DEFAULT-VALUE}.")
        int stopAfterEmptyPolls;

        @Override
        public Integer call() {
            Settings settings = Settings.fromEnvironment();
            WorkerComponent worker = DaggerWorkerComponent.factory()
                    .create(settings, Transcribers.fromSettings(settings));
            var runtime = worker.workerRuntime();
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> runtime.stop(settings.duration(Setting.WORKER_SHUTDOWN_GRACE)), "shutdown"));
            runtime.recoverUnfinishedJobs();
            runtime.scheduleRetention();
            int completed = runtime.runInForeground(stopAfterEmptyPolls);
            System.out.println("worker stopped after completing " + completed + " recording(s)");
            worker.database().close();
            worker.awsClients().close();
            return 0;
        }
    }
}
