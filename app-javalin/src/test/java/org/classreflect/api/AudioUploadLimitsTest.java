package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.api.ApiClient.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.classreflect.adapters.audio.FfmpegAudioDecoder;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.testfixtures.audio.AudioFixtures;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits that a lying header or a full disk cannot get round, over HTTP: an mp3 whose headers claim 25 s for 310 s of
 * sound is refused with 413 (and with OpenAI's error shape on the OpenAI endpoint) leaving no row and no file; an
 * audio store that is unwritable or below its free-space floor makes {@code /ready} fail and uploads get 503.
 */
class AudioUploadLimitsTest {

    private static final String PASSWORD = "teacher-kettle-orbit-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path fixtures;

    private static byte[] lyingMp3;

    @TempDir
    Path dataDir;

    private ClassReflectServer server;
    private ApiClient admin;
    private ApiClient teacher;
    private final FakeTranscriber engine = new FakeTranscriber();

    @BeforeAll
    static void encode() throws Exception {
        Path mp3 = AudioFixtures.lyingMp3(fixtures.resolve("lying.mp3"), 10, 300);
        assertThat(new FfmpegAudioDecoder().probe(mp3).durationSeconds()).as("the headers claim under a minute")
                .isLessThan(60);
        lyingMp3 = Files.readAllBytes(mp3);
    }

    private void start(Settings settings) throws Exception {
        server = ClassReflectServer.start(settings, engine, false);
        admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Alpha")).json().get("id").asText();
        admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T", "role", "teacher",
                "schoolId", school, "password", PASSWORD));
        teacher = admin.as("t@alpha.test", PASSWORD);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anMp3WhoseHeadersUnderstateItsLengthIsRefusedWith413AndLeavesNothing() throws Exception {
        start(TestServers.settings(dataDir).with(Setting.MAX_DURATION, "2m"));

        ApiClient.Response r = teacher.upload("lesson.mp3", lyingMp3, fields());

        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.json().get("error").asText()).isEqualTo("too_large");
        assertThat(r.json().get("message").asText()).contains("longer than 2 min");
        assertThat(admin.get("/api/recordings").json().get("total").asLong()).isZero();
        assertThat(filesUnder(dataDir.resolve("audio"))).isZero();
        assertThat(filesUnder(dataDir.resolve("tmp"))).isZero();
    }

    @Test
    void withinTheLimitTheDecodedLengthIsStoredNotTheClaimedOne() throws Exception {
        start(TestServers.settings(dataDir).with(Setting.MAX_DURATION, "10m"));

        ApiClient.Response r = teacher.upload("lesson.mp3", lyingMp3, fields());

        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().get("durationSeconds").asDouble()).isBetween(309.0, 311.0);
    }

    @Test
    void theOpenAiEndpointRefusesTheLongFileWith413InOpenAisErrorShape() throws Exception {
        start(TestServers.settings(dataDir).with(Setting.MAX_DURATION, "2m"));
        String token = teacher.post("/api/me/api-tokens", Map.of("name", "sdk")).json().get("token").asText();

        HttpResponse<String> r = openAiTranscribe(token, lyingMp3);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("code").asText()).isEqualTo("audio_too_long");
        assertThat(error.get("message").asText()).contains("longer than 2 min");
        assertThat(engine.calls()).isZero();
        assertThat(filesUnder(dataDir.resolve("tmp/work"))).as("no scratch copy is left").isZero();
    }

    @Test
    void aStoreBelowItsFreeSpaceFloorFailsReadinessAndUploadsGet503() throws Exception {
        start(TestServers.settings(dataDir).with(Setting.AUDIO_MIN_FREE_MB, String.valueOf(Integer.MAX_VALUE)));

        ApiClient.Response ready = new ApiClient(server.port()).get("/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().at("/checks/audioStore/up").asBoolean()).isFalse();
        assertThat(ready.json().at("/checks/audioStore/detail").asText()).contains("nearly full");

        ApiClient.Response r = teacher.upload("lesson.wav",
                Files.readAllBytes(TestServers.sharedAudio("jfk.wav")), fields());
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().get("error").asText()).isEqualTo("storage_unavailable");
        assertThat(r.json().get("message").asText()).contains("nearly full");
        assertThat(admin.get("/api/recordings").json().get("total").asLong()).isZero();
        assertThat(filesUnder(dataDir.resolve("audio"))).isZero();
    }

    @Test
    void anUnwritableStoreFailsReadinessAndUploadsGet503() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("not-a-directory"), "x");
        start(TestServers.settings(dataDir).with(Setting.AUDIO_DIR, notADirectory.resolve("audio").toString()));

        ApiClient.Response ready = new ApiClient(server.port()).get("/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().at("/checks/audioStore/detail").asText()).contains("cannot be written");

        ApiClient.Response r = teacher.upload("lesson.wav",
                Files.readAllBytes(TestServers.sharedAudio("jfk.wav")), fields());
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().get("error").asText()).isEqualTo("storage_unavailable");
        assertThat(admin.get("/api/recordings").json().get("total").asLong()).isZero();
    }

    private HttpResponse<String> openAiTranscribe(String token, byte[] file) throws Exception {
        String boundary = "----limits" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lesson.mp3\""
                + "\r\nContent-Type: audio/mpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/v1/audio/transcriptions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long filesUnder(Path root) throws Exception {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
