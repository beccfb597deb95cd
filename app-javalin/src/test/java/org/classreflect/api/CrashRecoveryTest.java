package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.classreflect.adapters.sql.Database;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server process is killed (SIGKILL) while a job is processing; the next start finishes it, once. */
class CrashRecoveryTest {

    @TempDir
    Path dataDir;

    @Test
    void aKilledServerFinishesTheInterruptedJobAfterRestartWithExactlyOneTranscript() throws Exception {
        Process doomed = startServerProcess();
        String id;
        try {
            int port = awaitPort(doomed);
            ApiClient admin = new ApiClient(port).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
            String school = admin.post("/api/schools", Map.of("name", "Alpha")).json().get("id").asText();
            admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T", "role", "teacher",
                    "schoolId", school, "password", "teacher-kettle-orbit-1"));
            ApiClient teacher = admin.as("t@alpha.test", "teacher-kettle-orbit-1");
            byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
            id = teacher.upload("jfk.wav", audio, ApiClient.fields()).json().get("id").asText();
            teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("processing"),
                    Duration.ofSeconds(20));
        } finally {
            doomed.destroyForcibly();
            assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        FakeTranscriber engine = new FakeTranscriber();
        try (ClassReflectServer restarted = TestServers.start(dataDir, engine)) {
            ApiClient admin = new ApiClient(restarted.port())
                    .login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
            JsonNode done = admin.await("/api/recordings/" + id,
                    r -> r.get("status").asText().equals("completed"), Duration.ofSeconds(20));
            assertThat(done.get("attempts").asInt()).as("the killed attempt and the finishing one").isEqualTo(2);
            assertThat(engine.calls()).isEqualTo(1);
            assertThat(admin.get("/api/recordings/" + id + "/transcript").status()).isEqualTo(200);
            try (Database db = Database.embedded(dataDir)) {
                long transcripts = db.jdbi().withHandle(h -> h
                        .createQuery("SELECT COUNT(*) FROM transcripts WHERE recording_id = :id").bind("id", id)
                        .mapTo(Long.class).one());
                assertThat(transcripts).isEqualTo(1);
            }
        }
    }

    private Process startServerProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dclassreflect.shared=" + System.getProperty("classreflect.shared"),
                "-cp", System.getProperty("java.class.path"), CrashableServerMain.class.getName(),
                dataDir.toString())
                .redirectErrorStream(true)
                .start();
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
