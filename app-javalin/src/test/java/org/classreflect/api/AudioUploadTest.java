package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.classreflect.api.ApiClient.fields;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.classreflect.testfixtures.audio.AudioFixtures;
import org.classreflect.testfixtures.audio.AudioFixtures.Encoding;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.classreflect.sdk.config.Setting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads are judged by decoding their content: what is not sound, or is too long, is refused and leaves nothing. */
class AudioUploadTest {

    private static final String PASSWORD = "teacher-kettle-orbit-1";

    @TempDir
    Path dataDir;

    @TempDir
    Path fixtures;

    private ClassReflectServer server;
    private ApiClient admin;
    private ApiClient teacher;

    private void start(String maxDuration) throws Exception {
        server = ClassReflectServer.start(TestServers.settings(dataDir).with(Setting.MAX_DURATION, maxDuration),
                new FakeTranscriber().ready(false), false);
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

    private byte[] jfkAs(Encoding encoding) throws Exception {
        return Files.readAllBytes(AudioFixtures.encode(TestServers.sharedAudio("jfk.wav"), encoding,
                fixtures.resolve("jfk." + encoding.extension())));
    }

    private long filesUnder(String dir) throws Exception {
        Path root = dataDir.resolve(dir);
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void mp3M4aAndWavOfTheSameSpeechAreAcceptedWithTheSameDuration() throws Exception {
        start("4h");
        Map<String, byte[]> uploads = Map.of(
                "lesson.mp3", jfkAs(Encoding.MP3),
                "lesson.m4a", jfkAs(Encoding.M4A),
                "lesson.wav", Files.readAllBytes(TestServers.sharedAudio("jfk.wav")));

        for (var upload : uploads.entrySet()) {
            ApiClient.Response r = teacher.upload(upload.getKey(), upload.getValue(), fields());
            assertThat(r.status()).as(upload.getKey() + ": " + r).isEqualTo(202);
            assertThat(r.json().get("durationSeconds").asDouble()).as(upload.getKey()).isCloseTo(11.0, within(0.1));
            String id = r.json().get("id").asText();
            assertThat(teacher.get("/api/recordings/" + id).json().get("durationSeconds").asDouble())
                    .as("stored with the recording").isCloseTo(11.0, within(0.1));
        }
        assertThat(filesUnder("audio")).isEqualTo(3);
        assertThat(filesUnder("tmp/probe")).as("probe copies are removed").isZero();
    }

    @Test
    void aPictureNamedMp3IsRefusedWith415() throws Exception {
        start("4h");

        ApiClient.Response r = teacher.upload("lesson.mp3", AudioFixtures.PNG, fields());

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(r.json().get("message").asText()).contains("PNG");
        assertThat(admin.get("/api/recordings").json().get("total").asLong()).isZero();
        assertThat(filesUnder("audio")).isZero();
    }

    @Test
    void aFileThatStartsLikeAudioButDoesNotDecodeIsRefusedWith415AndLeavesNothing() throws Exception {
        start("4h");
        byte[] fake = new byte[32 * 1024];
        new java.util.Random(3).nextBytes(fake);
        System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, fake, 0, 3);
        fake[3] = 4;
        for (int i = 4; i < 10; i++) {
            fake[i] = 0;
        }

        ApiClient.Response r = teacher.upload("lesson.mp3", fake, fields());

        assertThat(r.status()).as(r.toString()).isEqualTo(415);
        assertThat(r.json().get("message").asText()).contains("not audio we can decode").contains("ID3");
        assertThat(admin.get("/api/recordings").json().get("total").asLong()).isZero();
        assertThat(filesUnder("audio")).isZero();
        assertThat(filesUnder("tmp/probe")).isZero();
    }

    @Test
    void aRecordingOverTheMaximumDurationIsRefusedSayingHowLongItIs() throws Exception {
        start("10s");

        ApiClient.Response r = teacher.upload("lesson.m4a", jfkAs(Encoding.M4A), fields());

        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.json().get("message").asText()).contains("lasts 11 s").contains("longest accepted is 10 s");
        assertThat(admin.get("/api/recordings").json().get("total").asLong()).isZero();
        assertThat(filesUnder("audio")).isZero();
    }
}
