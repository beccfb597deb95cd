package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classreflect.adapters.sql.Database;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process is killed (SIGKILL) in the middle of erasing a teacher; the next start finishes the erasure: nothing
 * of the teacher's is left, the receipt counts what was there before the first removal, and the log has one entry.
 */
class ErasureCrashTest {

    private static final int LESSONS = 8;

    @TempDir
    Path dataDir;

    @Test
    void anErasureKilledMidwayIsFinishedByTheNextStartWithTheFirstReceipt() throws Exception {
        Process doomed = startServerProcess();
        String erasureId;
        String teacherId;
        try {
            int port = ChildServers.awaitPort(doomed);
            ApiClient admin = new ApiClient(port).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
            String school = admin.post("/api/schools", Map.of("name", "Alpha")).json().get("id").asText();
            teacherId = admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T",
                    "role", "teacher", "schoolId", school, "password", "teacher-kettle-orbit-1"))
                    .json().get("id").asText();
            ApiClient teacher = admin.as("t@alpha.test", "teacher-kettle-orbit-1");
            byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
            for (int i = 0; i < LESSONS; i++) {
                String id = teacher.upload("jfk.wav", audio, ApiClient.fields()).json().get("id").asText();
                teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"),
                        Duration.ofSeconds(30));
            }
            assertThat(audioFiles()).isEqualTo(LESSONS);
            erasureId = admin.post("/api/erasures", Map.of("kind", "teacher", "subjectId", teacherId))
                    .json().get("id").asText();
            // two audio files gone: the first lesson's row went between them (audio first, row last)
            awaitAudioFilesBetween(1, LESSONS - 2);
        } finally {
            doomed.destroyForcibly();
            assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (Database db = Database.embedded(dataDir)) {
            var jdbi = db.jdbi();
            boolean unfinished = jdbi.withHandle(h -> h.createQuery(
                    "SELECT completed_at IS NULL FROM erasure_requests WHERE id = :id").bind("id", erasureId)
                    .mapTo(Boolean.class).one());
            assertThat(unfinished).as("left unfinished").isTrue();
            long left = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM recordings WHERE teacher_id = :t")
                    .bind("t", teacherId).mapTo(Long.class).one());
            assertThat(left).as("killed midway").isBetween(1L, LESSONS - 1L);
            boolean active = jdbi.withHandle(h -> h.createQuery("SELECT active FROM users WHERE id = :t")
                    .bind("t", teacherId).mapTo(Boolean.class).one());
            assertThat(active).as("closed at once").isFalse();
        }

        try (ClassReflectServer restarted = TestServers.start(dataDir, new FakeTranscriber())) {
            ApiClient admin = new ApiClient(restarted.port())
                    .login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
            JsonNode done = admin.await("/api/erasures/" + erasureId,
                    e -> e.get("status").asText().equals("completed"), Duration.ofSeconds(30));
            assertThat(done.get("receipt").get("recordings").asInt()).isEqualTo(LESSONS);
            assertThat(done.get("receipt").get("audioFiles").asInt()).isEqualTo(LESSONS);
            assertThat(done.get("receipt").get("transcripts").asInt()).isEqualTo(LESSONS);
            assertThat(audioFiles()).isZero();
            assertThat(admin.get("/api/recordings?teacherId=" + teacherId).json().get("total").asInt()).isZero();
            assertThat(admin.get("/api/users/" + teacherId).status()).isEqualTo(404);
            assertThat(admin.get("/api/access-log?action=erasure").json().get("total").asInt()).isEqualTo(1);
            try (Database db = Database.embedded(dataDir)) {
                long orphans = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM transcripts t LEFT JOIN recordings r ON r.id = t.recording_id "
                                + "WHERE r.id IS NULL").mapTo(Long.class).one());
                assertThat(orphans).as("no transcript outlives its recording").isZero();
            }
        }
    }

    private void awaitAudioFilesBetween(int low, int high) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            long n = audioFiles();
            if (n >= low && n <= high) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the erasure never got midway");
    }

    private long audioFiles() throws Exception {
        return AlphaSchool.audioFiles(dataDir);
    }

    private Process startServerProcess() throws Exception {
        return ChildServers.start(CrashableErasureServerMain.class, dataDir.toString(), "400");
    }
}
