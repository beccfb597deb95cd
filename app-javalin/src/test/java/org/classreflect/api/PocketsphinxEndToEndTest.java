package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.wiring.Transcribers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product as configured with CLASSREFLECT_ENGINE=pocketsphinx: a real engine end to end over HTTP. */
class PocketsphinxEndToEndTest {

    @TempDir
    Path dataDir;

    private ClassReflectServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anUploadedLessonComesBackAsWordsWithTimes() throws Exception {
        Settings settings = TestServers.settings(dataDir).with(Setting.ENGINE, "pocketsphinx");
        Transcriber engine = Transcribers.fromSettings(settings);
        assumeTrue(engine.status().ready(), () -> "pocketsphinx is not installed here: " + engine.status().detail());
        server = ClassReflectServer.start(settings, engine, false);
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Alpha")).json().get("id").asText();
        admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T", "role", "teacher",
                "schoolId", school, "password", "teacher-kettle-orbit-1"));
        ApiClient teacher = admin.as("t@alpha.test", "teacher-kettle-orbit-1");

        ApiClient.Response upload = teacher.upload("jfk.wav",
                Files.readAllBytes(TestServers.sharedAudio("jfk.wav")), ApiClient.fields());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        String id = upload.json().get("id").asText();
        JsonNode done = teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"),
                Duration.ofMinutes(2));
        assertThat(done.get("durationSeconds").asDouble()).isEqualTo(11.0);

        JsonNode transcript = teacher.get("/api/recordings/" + id + "/transcript").json();
        assertThat(transcript.get("engine").asText()).isEqualTo("pocketsphinx");
        assertThat(transcript.get("text").asText()).contains("country");
        JsonNode words = transcript.get("words");
        assertThat(words.size()).isGreaterThan(10);
        double previousEnd = 0;
        for (JsonNode word : words) {
            assertThat(word.get("start").asDouble()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(word.get("end").asDouble()).isBetween(word.get("start").asDouble(), 11.0);
            previousEnd = word.get("end").asDouble();
        }
        assertThat(words).anySatisfy(w -> assertThat(w.get("text").asText()).isEqualTo("country"));
    }
}
