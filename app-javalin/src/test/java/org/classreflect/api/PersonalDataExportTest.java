package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A teacher's export of 200 lessons, streamed as one zip, with progress, and who may ask for which export. */
class PersonalDataExportTest {

    private static final int LESSONS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SRT = """
            1
            00:00:01,000 --> 00:00:04,000
            Good morning everyone, open your books.

            2
            00:00:05,000 --> 00:00:08,000
            What do plants need to grow?
            """;

    @TempDir
    Path dataDir;

    private ClassReflectServer server;
    private AlphaSchool alpha;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(dataDir, new FakeTranscriber());
        alpha = AlphaSchool.create(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aTeachersExportOf200LessonsHoldsEveryLessonWithAudioWhileKeptAndChecksumsThatMatch() throws Exception {
        byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        String withAudio = alpha.teacher().upload("jfk.wav", audio, ApiClient.fields()).json().get("id").asText();
        alpha.teacher().await("/api/recordings/" + withAudio, r -> r.get("status").asText().equals("completed"),
                Duration.ofSeconds(30));
        for (int i = 1; i < LESSONS; i++) {
            assertThat(alpha.teacher().uploadTranscript("lesson.srt", SRT, ApiClient.fields("className", "5B"))
                    .status()).isEqualTo(202);
        }
        alpha.manager().get("/api/recordings/" + withAudio + "/transcript");
        String token = UUID.randomUUID().toString();

        HttpResponse<InputStream> response = open(alpha.teacher(),
                "/api/exports/teachers/" + alpha.teacherId() + "?progress=" + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(response.body())) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("lessons").asInt()).isEqualTo(LESSONS);
        assertThat(manifest.get("kind").asText()).isEqualTo("teacher");
        long folders = entries.keySet().stream().filter(n -> n.matches("lessons/[^/]+/manifest.json")).count();
        assertThat(folders).isEqualTo(LESSONS);
        assertThat(entries.keySet().stream().filter(n -> n.endsWith("/transcript.srt")).count()).isEqualTo(LESSONS);
        assertThat(entries.keySet().stream().filter(n -> n.endsWith("/transcript.json")).count()).isEqualTo(LESSONS);
        assertThat(entries.keySet().stream().filter(n -> n.endsWith("/analyses.json")).count()).isEqualTo(LESSONS);
        String audioEntry = entries.keySet().stream().filter(n -> n.contains(withAudio) && n.endsWith("audio.wav"))
                .findFirst().orElseThrow();
        assertThat(entries.get(audioEntry)).isEqualTo(audio);
        assertThat(entries.keySet().stream().filter(n -> n.contains("/audio")).count()).isEqualTo(1);
        String folder = audioEntry.substring(0, audioEntry.lastIndexOf('/') + 1);
        for (JsonNode file : JSON.readTree(entries.get(folder + "manifest.json")).get("files")) {
            byte[] content = entries.get(file.get("path").asText());
            assertThat(content).hasSize(file.get("bytes").asInt());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                    .isEqualTo(file.get("sha256").asText());
        }
        assertThat(new String(entries.get(folder + "transcript.srt"))).contains("-->");
        assertThat(JSON.readTree(entries.get("account.json")).at("/accounts/0/id").asText())
                .isEqualTo(alpha.teacherId());
        assertThat(JSON.readTree(entries.get("progress.json")).get(0).get("teacherId").asText())
                .isEqualTo(alpha.teacherId());
        JsonNode log = JSON.readTree(entries.get("access-log.json"));
        assertThat(log.findValuesAsText("action")).contains("read_transcript", "sign_in", "export");

        JsonNode progress = alpha.teacher().get("/api/exports/progress/" + token).json();
        assertThat(progress.get("lessonsWritten").asInt()).isEqualTo(LESSONS);
        assertThat(progress.get("finished").asBoolean()).isTrue();
        assertThat(alpha.manager().get("/api/exports/progress/" + token).status()).as("another user's").isEqualTo(404);
    }

    @Test
    void teachersExportThemselvesManagersTheirTeachersAndOnlySuperAdminsASchool() throws Exception {
        String other = alpha.admin().post("/api/schools", Map.of("name", "Beta")).json().get("id").asText();
        alpha.admin().post("/api/users", Map.of("email", "m@beta.test", "displayName", "Max", "role", "school_manager",
                "schoolId", other, "password", "manager-kettle-orbit-2"));
        ApiClient otherManager = alpha.admin().as("m@beta.test", "manager-kettle-orbit-2");

        assertThat(open(alpha.manager(), "/api/exports/teachers/" + alpha.teacherId()).statusCode()).isEqualTo(200);
        assertThat(open(otherManager, "/api/exports/teachers/" + alpha.teacherId()).statusCode()).isEqualTo(404);
        assertThat(open(alpha.manager(), "/api/exports/schools/" + alpha.schoolId()).statusCode()).isEqualTo(403);
        assertThat(open(alpha.admin(), "/api/exports/schools/" + alpha.schoolId()).statusCode()).isEqualTo(200);
        assertThat(alpha.admin().get("/api/access-log?action=export").json().get("total").asInt())
                .as("each export that was let through").isEqualTo(2);
    }

    private HttpResponse<InputStream> open(ApiClient client, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + client.token()).GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
        }
        return response;
    }
}
