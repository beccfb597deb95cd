package org.classreflect.worker;

import org.classreflect.sdk.wiring.FatalErrors;
import org.classreflect.sdk.wiring.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "classreflect-worker", mixinStandardHelpOptions = true,
        subcommands = {WorkCommand.class, TranscribeCommand.class, ModelsCommand.class, ScaleCommand.class,
                SimulateCommand.class, RebuildSearchIndexCommand.class},
        description = "ClassReflect's worker and command-line tools.")
public final class WorkerMain {

    public static void main(String[] args) {
        Logging.routeJavaUtilLoggingToSlf4j();
        FatalErrors.endTheProcessOnError();
        System.exit(new CommandLine(new WorkerMain()).execute(args));
    }
}
