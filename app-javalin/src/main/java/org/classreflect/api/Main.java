package org.classreflect.api;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.wiring.FatalErrors;
import org.classreflect.sdk.wiring.Logging;
import org.classreflect.sdk.wiring.Transcribers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "classreflect", mixinStandardHelpOptions = true,
        description = "Runs the ClassReflect API and web app; in local mode also the worker, in this one process.")
public final class Main implements Callable<Integer> {

    @Option(names = "--demo", description = "Also create a demo school with a manager and a teacher.")
    boolean demo;

    @Option(names = "--port", description = "HTTP port (default: CLASSREFLECT_PORT or 8080).")
    Integer port;

    @Option(names = "--data-dir", description = "Data directory (default: CLASSREFLECT_DATA_DIR or ./data).")
    Path dataDir;

    public static void main(String[] args) {
        Logging.routeJavaUtilLoggingToSlf4j();
        FatalErrors.endTheProcessOnError();
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.fromEnvironment();
        Logging.checkFormat(settings);
        if (port != null) {
            settings = settings.with(Setting.PORT, port.toString());
        }
        if (dataDir != null) {
            settings = settings.with(Setting.DATA_DIR, dataDir.toString());
        }
        ClassReflectServer server = ClassReflectServer.start(settings, Transcribers.fromSettings(settings), demo);
        server.createdAdmin().ifPresent(created -> {
            System.out.println();
            System.out.println("  First start: created super admin " + created.user().email());
            if (created.generatedPassword() != null) {
                System.out.println("  Password (shown once; you will be asked to change it): "
                        + created.generatedPassword());
            }
            System.out.println();
        });
        System.out.println("ClassReflect is running on http://localhost:" + server.port()
                + "  (data in " + settings.dataDir() + "; Ctrl+C stops)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
