package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.sdk.wiring.FatalErrors;
import org.classreflect.testfixtures.fakes.ScriptedTranscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analysis runs out of memory in a small-heap server process: the uncaught-error policy ends that process (no
 * worker thread dies silently while the process says all is well), and the next start finishes the analysis.
 */
class OutOfMemoryRecoveryTest {

    private static final String PASSWORD = "teacher-kettle-orbit-1";

    @TempDir
    Path dataDir;

    @Test
    void aWorkerKilledByOutOfMemoryEndsItsProcessAndTheRestartFinishesTheStrandedAnalysis() throws Exception {
        Process doomed = startSmallHeapServer();
        String recording;
        try {
            int port = ChildServers.awaitPort(doomed);
            ApiClient admin = new ApiClient(port).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
            String school = admin.post("/api/schools", Map.of("name", "Alpha")).json().get("id").asText();
            admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T", "role", "teacher",
                    "schoolId", school, "password", PASSWORD));
            ApiClient teacher = admin.as("t@alpha.test", PASSWORD);
            byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
            recording = teacher.upload("lesson.wav", audio, ApiClient.fields("templateId",
                    StarterTemplates.QUESTIONING_AND_WAIT_TIME.id())).json().get("id").asText();
            assertThat(doomed.waitFor(60, TimeUnit.SECONDS)).as("the process ends by itself").isTrue();
            assertThat(doomed.exitValue()).isEqualTo(FatalErrors.EXIT_STATUS);
        } finally {
            doomed.destroyForcibly();
        }

        try (ClassReflectServer restarted = TestServers.start(dataDir,
                new ScriptedTranscriber(ScriptedTranscriber.SHORT_LESSON))) {
            ApiClient admin = new ApiClient(restarted.port())
                    .login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
            JsonNode analyses = admin.await("/api/recordings/" + recording + "/analyses",
                    j -> j.get("items").size() == 1 && j.get("items").get(0).get("status").asText()
                            .equals("completed"), Duration.ofSeconds(30)).get("items");
            assertThat(analyses.get(0).get("overallScore").isNumber()).isTrue();
            assertThat(admin.get("/ready").json().at("/checks/workers/up").asBoolean()).isTrue();
        }
    }

    /** Without the apps' policy (as an embedder runs it), a dead worker makes the process unready. */
    @Test
    void readinessReportsAWorkerThatDiedOfAnError() throws Exception {
        Transcriber dying = new Transcriber() {
            @Override
            public TranscriberStatus status() {
                return TranscriberStatus.ready("dying", "none");
            }

            @Override
            public Transcription transcribe(Path audio, TranscriptionProgress progress) {
                throw new StackOverflowError("engine blew its stack");
            }
        };
        try (ClassReflectServer server = TestServers.start(dataDir, dying)) {
            ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
            assertThat(admin.get("/ready").json().at("/checks/workers/detail").asText()).isEqualTo("1 running");
            String school = admin.post("/api/schools", Map.of("name", "Alpha")).json().get("id").asText();
            admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T", "role", "teacher",
                    "schoolId", school, "password", PASSWORD));
            ApiClient teacher = admin.as("t@alpha.test", PASSWORD);
            teacher.upload("lesson.wav", Files.readAllBytes(TestServers.sharedAudio("jfk.wav")), ApiClient.fields());
            ApiClient.Response ready = admin.get("/ready");
            for (long deadline = System.nanoTime() + 20_000_000_000L;
                 ready.status() == 200 && System.nanoTime() < deadline; ready = admin.get("/ready")) {
                Thread.sleep(50);
            }
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().at("/checks/workers/detail").asText()).isEqualTo(
                    "0 running; worker-1 died: java.lang.StackOverflowError: engine blew its stack");
        }
    }

    private Process startSmallHeapServer() throws Exception {
        return ChildServers.start(List.of("-Xmx96m"), OutOfMemoryServerMain.class, dataDir.toString());
    }
}
