package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.api.ApiClient.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local all-in-one product over real HTTP on a random port, with a deterministic fake engine. */
class LocalModeEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "teacher-kettle-orbit-1";

    @TempDir
    Path dataDir;

    private final FakeTranscriber transcriber = new FakeTranscriber();
    private ClassReflectServer server;
    private ApiClient admin;

    private void start() throws Exception {
        server = TestServers.start(dataDir, transcriber);
        admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String school(String name) throws Exception {
        ApiClient.Response r = admin.post("/api/schools", Map.of("name", name));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private ApiClient user(String email, String role, String schoolId) throws Exception {
        ApiClient.Response r = admin.post("/api/users", Map.of("email", email, "displayName", email,
                "role", role, "schoolId", schoolId, "password", PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return admin.as(email, PASSWORD);
    }

    private static byte[] jfk() throws Exception {
        return Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
    }

    private long storedAudioFiles() throws Exception {
        Path audio = dataDir.resolve("audio");
        if (!Files.exists(audio)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(audio)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aTeacherUploadsALessonAndReadsItsTranscriptWhileOtherSchoolsSeeNothing() throws Exception {
        start();
        String alpha = school("Alpha Primary");
        String beta = school("Beta Academy");
        ApiClient teacher = user("a1@alpha.test", "teacher", alpha);
        ApiClient stranger = user("b1@beta.test", "teacher", beta);
        ApiClient manager = user("m@alpha.test", "school_manager", alpha);

        byte[] audio = jfk();
        ApiClient.Response upload = teacher.upload("jfk.wav", audio,
                fields("className", "5B", "subject", "History", "grade", "5", "notes", "inaugural address"));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        String id = upload.json().get("id").asText();
        assertThat(upload.json().get("status").asText()).isIn("queued", "processing", "transcribed", "completed");
        assertThat(upload.json().get("sizeBytes").asLong()).isEqualTo(audio.length);
        assertThat(upload.json().get("contentType").asText()).isEqualTo("audio/wav");
        assertThat(upload.json().get("className").asText()).isEqualTo("5B");

        JsonNode done = teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"),
                WAIT);
        assertThat(done.get("progressPercent").asInt()).isEqualTo(100);
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        assertThat(done.get("sha256").asText()).hasSize(64);

        ApiClient.Response transcript = teacher.get("/api/recordings/" + id + "/transcript");
        assertThat(transcript.status()).isEqualTo(200);
        assertThat(transcript.json().get("text").asText())
                .isEqualTo(String.join(" ", FakeTranscriber.wordsFor(audio.length)));
        assertThat(transcript.json().get("wordCount").asInt()).isEqualTo(5);
        assertThat(transcript.json().get("words")).hasSize(5);
        assertThat(transcript.json().get("engine").asText()).isEqualTo(FakeTranscriber.ENGINE);

        assertThat(stranger.get("/api/recordings/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/recordings/" + id + "/transcript").status()).isEqualTo(404);
        assertThat(stranger.delete("/api/recordings/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/recordings").json().get("total").asLong()).isZero();
        assertThat(manager.get("/api/recordings?status=completed").json().get("total").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/recordings").json().get("items").get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void refusedUploadsLeaveNeitherAFileNorARow() throws Exception {
        start();
        ApiClient teacher = user("t@alpha.test", "teacher", school("Alpha"));

        ApiClient.Response empty = teacher.upload("empty.wav", new byte[0], fields());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("error").asText()).isEqualTo("invalid_input");

        byte[] text = "Dear parents, the school trip is on Friday.\n".getBytes(StandardCharsets.UTF_8);
        ApiClient.Response notAudio = teacher.upload("lesson.mp3", text, fields());
        assertThat(notAudio.status()).isEqualTo(415);
        assertThat(notAudio.json().get("message").asText()).contains("text");

        for (int size : new int[] {3 * 1024 * 1024, 1536 * 1024}) { // refused before reading; refused while reading
            byte[] oversized = new byte[size];
            System.arraycopy(jfk(), 0, oversized, 0, 44);
            ApiClient.Response tooLarge = teacher.upload("long.wav", oversized, fields());
            assertThat(tooLarge.status()).as("%d bytes", size).isEqualTo(413);
            assertThat(tooLarge.json().get("error").asText()).isEqualTo("too_large");
        }

        assertThat(admin.get("/api/recordings").json().get("total").asLong()).isZero();
        assertThat(storedAudioFiles()).isZero();
    }

    @Test
    void aFailingEngineIsRetriedThenFailsWithTheReasonAndAnExplicitRetrySucceeds() throws Exception {
        transcriber.failNextCalls(3);
        start();
        ApiClient teacher = user("t@alpha.test", "teacher", school("Alpha"));
        String id = teacher.upload("jfk.wav", jfk(), fields()).json().get("id").asText();

        JsonNode failed = teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("failed"),
                WAIT);
        assertThat(failed.get("errorMessage").asText()).contains("could not be transcribed on the server");
        assertThat(failed.has("errorDetail") && !failed.get("errorDetail").isNull()).as("no detail for teachers")
                .isFalse();
        assertThat(admin.get("/api/recordings/" + id).json().get("errorDetail").asText())
                .contains("fake engine failure");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(teacher.get("/api/recordings/" + id + "/transcript").status()).isEqualTo(404);

        ApiClient.Response retried = teacher.post("/api/recordings/" + id + "/retry", Map.of());
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.json().get("status").asText()).isEqualTo("queued");
        teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"), WAIT);
        assertThat(teacher.post("/api/recordings/" + id + "/retry", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void deletingARecordingRemovesAudioTranscriptAndRow() throws Exception {
        start();
        ApiClient teacher = user("t@alpha.test", "teacher", school("Alpha"));
        String id = teacher.upload("jfk.wav", jfk(), fields()).json().get("id").asText();
        teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"), WAIT);
        assertThat(storedAudioFiles()).isEqualTo(1);

        assertThat(teacher.delete("/api/recordings/" + id).status()).isEqualTo(204);
        assertThat(teacher.get("/api/recordings/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/recordings/" + id + "/transcript").status()).isEqualTo(404);
        assertThat(storedAudioFiles()).isZero();
    }

    @Test
    void withoutAWorkingEngineRecordingsWaitQueuedAndReadySaysWhy() throws Exception {
        transcriber.ready(false);
        start();
        ApiClient.Response ready = admin.get("/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().at("/checks/transcriber/up").asBoolean()).isFalse();
        assertThat(ready.json().at("/checks/transcriber/detail").asText()).contains("switched off");
        assertThat(ready.json().at("/checks/database/up").asBoolean()).isTrue();
        assertThat(ready.json().at("/checks/audioStore/up").asBoolean()).isTrue();

        ApiClient teacher = user("t@alpha.test", "teacher", school("Alpha"));
        String id = teacher.upload("jfk.wav", jfk(), fields()).json().get("id").asText();
        Thread.sleep(500);
        assertThat(teacher.get("/api/recordings/" + id).json().get("status").asText()).isEqualTo("queued");

        transcriber.ready(true);
        teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"), WAIT);
        assertThat(admin.get("/ready").status()).isEqualTo(200);
    }

    @Test
    void theApiRefusesStrangersAndRolesThatMayNotAct() throws Exception {
        start();
        String alpha = school("Alpha");
        ApiClient teacher = user("t@alpha.test", "teacher", alpha);
        ApiClient manager = user("m@alpha.test", "school_manager", alpha);
        ApiClient anonymous = new ApiClient(server.port());

        assertThat(anonymous.get("/api/me").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/recordings").json().get("error").asText()).isEqualTo("unauthenticated");
        assertThat(anonymous.post("/api/auth/login", Map.of("email", "t@alpha.test", "password", "wrong-kettle-orbit"))
                .status()).isEqualTo(401);
        assertThat(teacher.get("/api/me").json().get("role").asText()).isEqualTo("teacher");
        assertThat(teacher.get("/api/me").json().has("passwordHash")).isFalse();
        assertThat(teacher.post("/api/schools", Map.of("name", "Mine")).status()).isEqualTo(403);
        assertThat(teacher.get("/api/users").status()).isEqualTo(403);
        assertThat(manager.post("/api/users", Map.of("email", "m2@alpha.test", "displayName", "M2",
                "role", "school_manager", "password", PASSWORD)).status()).isEqualTo(403);
        ApiClient.Response hired = manager.post("/api/users", Map.of("email", "t2@alpha.test", "displayName", "T2",
                "role", "teacher", "password", PASSWORD));
        assertThat(hired.status()).isEqualTo(201);
        assertThat(hired.json().get("schoolId").asText()).isEqualTo(alpha);
        assertThat(admin.post("/api/users", Map.of("email", "x@alpha.test", "displayName", "X", "role", "pilot",
                "schoolId", alpha, "password", PASSWORD)).status()).isEqualTo(400);
        assertThat(admin.get("/api/recordings?status=dancing").status()).isEqualTo(400);
        assertThat(admin.get("/health").status()).isEqualTo(200);
        ApiClient.Response direct = teacher.post("/api/recordings/direct", Map.of("fileName", "a.mp3",
                "contentType", "audio/mpeg", "sizeBytes", 1000));
        assertThat(direct.status()).isEqualTo(400);
        assertThat(direct.json().get("message").asText()).contains("aws mode");
    }
}
