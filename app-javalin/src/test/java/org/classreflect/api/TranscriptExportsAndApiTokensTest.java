package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.api.ApiClient.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transcript downloads in every format, and personal API tokens, over real HTTP with the fake engine. */
class TranscriptExportsAndApiTokensTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "teacher-kettle-orbit-1";

    @TempDir
    Path dataDir;

    private ClassReflectServer server;
    private ApiClient admin;
    private String school;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(dataDir, new FakeTranscriber());
        admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        school = admin.post("/api/schools", Map.of("name", "Alpha")).json().get("id").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient teacher(String email) throws Exception {
        ApiClient.Response r = admin.post("/api/users", Map.of("email", email, "displayName", email,
                "role", "teacher", "schoolId", school, "password", PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return admin.as(email, PASSWORD);
    }

    private String completedRecording(ApiClient teacher, String fileName) throws Exception {
        String id = teacher.upload(fileName, Files.readAllBytes(TestServers.sharedAudio("jfk.wav")), fields())
                .json().get("id").asText();
        teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"), WAIT);
        return id;
    }

    @Test
    void aTranscriptDownloadsInEveryFormatWithItsTypeAndFileName() throws Exception {
        ApiClient teacher = teacher("t@alpha.test");
        String id = completedRecording(teacher, "Lesson 5B (history).wav");
        String path = "/api/recordings/" + id + "/transcript";
        long bytes = Files.size(TestServers.sharedAudio("jfk.wav"));
        String text = "lesson audio of " + bytes + " bytes";

        ApiClient.TextResponse srt = teacher.getText(path + "?format=srt");
        assertThat(srt.status()).isEqualTo(200);
        assertThat(srt.contentType()).startsWith("application/x-subrip");
        assertThat(srt.contentDisposition()).isEqualTo("attachment; filename=\"Lesson_5B_history_.srt\"");
        assertThat(srt.body()).isEqualTo("1\n00:00:00,000 --> 00:00:02,500\n" + text + "\n");

        ApiClient.TextResponse vtt = teacher.getText(path + "?format=vtt");
        assertThat(vtt.contentType()).startsWith("text/vtt");
        assertThat(vtt.body()).isEqualTo("WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.500\n" + text + "\n");

        ApiClient.TextResponse txt = teacher.getText(path + "?format=TXT");
        assertThat(txt.contentType()).startsWith("text/plain");
        assertThat(txt.contentDisposition()).endsWith(".txt\"");
        assertThat(txt.body()).isEqualTo(text + "\n");

        ApiClient.TextResponse csv = teacher.getText(path + "?format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("start,end,word,confidence\r\n0.000,0.400,lesson,0.9\r\n"
                + "0.500,0.900,audio,0.9\r\n1.000,1.400,of,0.9\r\n1.500,1.900," + bytes + ",0.9\r\n"
                + "2.000,2.400,bytes,0.9\r\n");

        ApiClient.TextResponse json = teacher.getText(path + "?format=json");
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.contentDisposition()).isEqualTo("attachment; filename=\"Lesson_5B_history_.json\"");
        JsonNode doc = new ObjectMapper().readTree(json.body());
        assertThat(doc.get("recordingId").asText()).isEqualTo(id);
        assertThat(doc.get("segments")).hasSize(1);
        assertThat(doc.at("/words/4/word").asText()).isEqualTo("bytes");

        ApiClient.Response plain = teacher.get(path);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().get("wordCount").asInt()).isEqualTo(5);
        assertThat(teacher.getText(path).contentDisposition()).isNull();
    }

    @Test
    void anUnknownFormatIsABadRequestAndOthersRecordingsStayNotFound() throws Exception {
        ApiClient teacher = teacher("t@alpha.test");
        ApiClient other = teacher("o@alpha.test");
        String id = completedRecording(teacher, "jfk.wav");

        ApiClient.Response docx = teacher.get("/api/recordings/" + id + "/transcript?format=docx");
        assertThat(docx.status()).isEqualTo(400);
        assertThat(docx.json().get("message").asText()).contains("txt, json, srt, vtt, csv");
        assertThat(other.get("/api/recordings/" + id + "/transcript?format=srt").status()).isEqualTo(404);
    }

    @Test
    void aPersonalApiTokenIsShownOnceListedWithoutItsSecretUsableAndRevocable() throws Exception {
        ApiClient teacher = teacher("t@alpha.test");
        ApiClient other = teacher("o@alpha.test");
        String id = completedRecording(teacher, "jfk.wav");

        ApiClient.Response created = teacher.post("/api/me/api-tokens", Map.of("name", "grading script"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("token").asText();
        String tokenId = created.json().get("id").asText();
        assertThat(secret).startsWith("crk_").hasSizeGreaterThan(40);
        assertThat(created.json().get("lastUsedAt").isNull()).isTrue();

        ApiClient program = teacher.withToken(secret);
        assertThat(program.get("/api/me").json().get("email").asText()).isEqualTo("t@alpha.test");
        assertThat(program.getText("/api/recordings/" + id + "/transcript?format=srt").status()).isEqualTo(200);

        JsonNode listed = teacher.get("/api/me/api-tokens").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("grading script");
        assertThat(listed.get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(listed.get(0).has("token")).isFalse();
        assertThat(listed.toString()).doesNotContain(secret.substring(4));
        assertThat(other.get("/api/me/api-tokens").json()).isEmpty();

        assertThat(other.delete("/api/me/api-tokens/" + tokenId).status()).isEqualTo(404);
        assertThat(program.get("/api/me").status()).isEqualTo(200);
        assertThat(teacher.delete("/api/me/api-tokens/" + tokenId).status()).isEqualTo(204);
        assertThat(program.get("/api/me").status()).isEqualTo(401);
        assertThat(teacher.get("/api/me/api-tokens").json()).isEmpty();
    }

    @Test
    void tokensNeedANameAndForgedOnesAreRefused() throws Exception {
        ApiClient teacher = teacher("t@alpha.test");

        assertThat(teacher.post("/api/me/api-tokens", Map.of("name", "  ")).status()).isEqualTo(400);
        assertThat(teacher.withToken("crk_" + "A".repeat(43)).get("/api/me").status()).isEqualTo(401);
        assertThat(new ApiClient(server.port()).post("/api/me/api-tokens", Map.of("name", "x")).status())
                .isEqualTo(401);
    }
}
