package org.classreflect.deploy.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The podman command line as these machines need it: the runc runtime and a containers.conf without default
 * ulimits (with crun, or runc and the default ulimits, containers fail with "setrlimit: Operation not permitted").
 */
final class Podman {

    record Result(int exitCode, String output) {
        Result orThrow() {
            if (exitCode != 0) {
                throw new IllegalStateException("podman failed (" + exitCode + "): " + output);
            }
            return this;
        }
    }

    private final Path containersConf;

    private Podman(Path containersConf) {
        this.containersConf = containersConf;
    }

    static boolean installed() {
        try {
            Process version = new ProcessBuilder("podman", "--version").redirectErrorStream(true).start();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Podman configuredIn(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path conf = dir.resolve("containers.conf");
        Files.writeString(conf, "[containers]\ndefault_ulimits = []\n");
        return new Podman(conf);
    }

    /** Runs podman (with the runc runtime for build and run) and returns its exit code and combined output. */
    Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        return execute(timeout, podmanCommand(args));
    }

    /** Runs any program with this podman configuration in its environment (the base image script imports). */
    Result execute(Duration timeout, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CONTAINERS_CONF", containersConf.toString());
        Path log = Files.createTempFile(containersConf.getParent(), "podman", ".log");
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " took longer than " + timeout + ": "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.exitValue(), output.strip());
    }

    private static List<String> podmanCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        if (args.length > 0 && (args[0].equals("build") || args[0].equals("run"))) {
            command.add(args[0]);
            command.add("--runtime");
            command.add("runc");
            command.addAll(List.of(args).subList(1, args.length));
        } else {
            command.addAll(List.of(args));
        }
        return command;
    }
}
