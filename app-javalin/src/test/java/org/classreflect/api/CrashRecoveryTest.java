package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
            int port = ChildServers.awaitPort(doomed);
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
        return ChildServers.start(CrashableServerMain.class, dataDir.toString());
    }
}
