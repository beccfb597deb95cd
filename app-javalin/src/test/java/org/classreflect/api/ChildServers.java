package org.classreflect.api;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A server in a child JVM (on this test's class path) that a test can kill, and the port it prints. */
final class ChildServers {

    private ChildServers() {
    }

    static Process start(Class<?> main, String... args) throws Exception {
        return start(List.of(), main, args);
    }

    static Process start(List<String> jvmOptions, Class<?> main, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dclassreflect.shared=" + System.getProperty("classreflect.shared"),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's output until it names its port; keeps draining it so the child never blocks on a pipe. */
    static int awaitPort(Process process) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("PORT=")) {
                        port.complete(Integer.parseInt(line.substring(5).trim()));
                    }
                }
                port.completeExceptionally(new IllegalStateException("server process ended without a port"));
            } catch (Exception e) {
                port.completeExceptionally(e);
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return port.get(180, TimeUnit.SECONDS); // a start takes 40 s when the machine is loaded
    }
}
