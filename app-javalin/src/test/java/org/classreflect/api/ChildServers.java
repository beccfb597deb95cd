package org.classreflect.api;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A server in a child JVM (on this test's class path) that a test can kill, and the port it prints. The child takes
 * no {@code CLASSREFLECT_*} setting from the environment the tests run in, only those the test gives it.
 */
final class ChildServers {

    private static final String PORT_LINE = "PORT=";
    /** How the product's own {@link Main} names its port. */
    private static final String MAIN_PORT_LINE = "ClassReflect is running on http://localhost:";

    private ChildServers() {
    }

    static Process start(Class<?> main, String... args) throws Exception {
        return start(List.of(), main, args);
    }

    static Process start(List<String> jvmOptions, Class<?> main, String... args) throws Exception {
        return start(Map.of(), jvmOptions, main, args);
    }

    static Process start(Map<String, String> settings, List<String> jvmOptions, Class<?> main, String... args)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dclassreflect.shared=" + System.getProperty("classreflect.shared"),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("CLASSREFLECT_"));
        builder.environment().putAll(settings);
        return builder.start();
    }

    static int awaitPort(Process process) throws Exception {
        return awaitPort(process, line -> { });
    }

    /**
     * Reads the child's output until it names its port, handing every line to {@code lines} (the port's too); keeps
     * draining it so the child never blocks on a pipe.
     */
    static int awaitPort(Process process, Consumer<String> lines) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        List<String> beforePort = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.accept(line);
                    OptionalInt named = portIn(line);
                    if (named.isPresent()) {
                        port.complete(named.getAsInt());
                    } else if (!port.isDone()) {
                        beforePort.add(line);
                    }
                }
                port.completeExceptionally(new IllegalStateException("server process ended without a port:\n"
                        + String.join("\n", beforePort)));
            } catch (Exception e) {
                port.completeExceptionally(e);
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return port.get(180, TimeUnit.SECONDS); // a start takes 40 s when the machine is loaded
    }

    private static OptionalInt portIn(String line) {
        for (String marker : List.of(PORT_LINE, MAIN_PORT_LINE)) {
            if (line.startsWith(marker)) {
                return OptionalInt.of(Integer.parseInt(line.substring(marker.length()).trim().split("\\s+")[0]));
            }
        }
        return OptionalInt.empty();
    }
}
