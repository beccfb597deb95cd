package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.api.ApiClient.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.classreflect.adapters.sql.Database;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searching and filtering the recordings list, playing a recording's audio, and the upload page's options. */
class RecordingSearchAndPlaybackTest {

    private static final String PASSWORD = "teacher-kettle-orbit-1";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dataDir;

    static ClassReflectServer server;
    static ApiClient teacher;
    static ApiClient colleague;
    static ApiClient manager;
    static byte[] audio;
    static String maths;
    static String science;
    static String colleagues;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dataDir, new FakeTranscriber());
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Alpha Primary")).json().get("id").asText();
        teacher = user(admin, school, "t@alpha.test", "Tess Teacher", "teacher");
        colleague = user(admin, school, "c@alpha.test", "Cole Colleague", "teacher");
        manager = user(admin, school, "m@alpha.test", "Mia Manager", "school_manager");
        audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        maths = upload(teacher, "fractions.wav", fields("className", "5B", "subject", "Maths", "notes", "Halves"));
        science = upload(teacher, "lab.wav", fields("className", "7C", "subject", "Science"));
        colleagues = upload(colleague, "other.wav", fields("className", "5B", "subject", "Maths"));
        for (var id : List.of(maths, science, colleagues)) {
            manager.await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"), WAIT);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient user(ApiClient admin, String school, String email, String name, String role)
            throws Exception {
        admin.post("/api/users", Map.of("email", email, "displayName", name, "role", role, "schoolId", school,
                "password", PASSWORD));
        return admin.as(email, PASSWORD);
    }

    private static String upload(ApiClient as, String file, Map<String, String> form) throws Exception {
        ApiClient.Response r = as.upload(file, audio, form);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().get("id").asText();
    }

    private static List<String> ids(ApiClient as, String query) throws Exception {
        ApiClient.Response r = as.get("/api/recordings?" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("items").findValuesAsText("id");
    }

    @Test
    void searchesTitlesAndTranscriptTextWithinWhatTheReaderMaySee() throws Exception {
        assertThat(ids(teacher, "q=maths")).containsExactly(maths);
        assertThat(ids(teacher, "q=5b")).as("a word under three letters, in the titles").containsExactly(maths);
        assertThat(ids(manager, "q=5b%20maths")).containsExactlyInAnyOrder(maths, colleagues);
        assertThat(ids(teacher, "q=halves")).containsExactly(maths);
        assertThat(ids(teacher, "q=fraction")).as("the beginning of a word").containsExactly(maths);
        assertThat(ids(teacher, "q=LAB.WAV")).containsExactly(science);
        // the fake transcriber's words: "lesson audio of <bytes> bytes"
        assertThat(ids(teacher, "q=lesson%20audio")).containsExactlyInAnyOrder(maths, science);
        assertThat(ids(manager, "q=lesson%20audio")).containsExactlyInAnyOrder(maths, science, colleagues);
        assertThat(ids(teacher, "q=nothing%20like%20this")).isEmpty();
    }

    @Test
    void filtersByStatusTeacherSubjectAndDay() throws Exception {
        String teacherId = teacher.get("/api/me").json().get("id").asText();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        assertThat(ids(manager, "subject=maths")).containsExactlyInAnyOrder(maths, colleagues);
        assertThat(ids(manager, "subject=maths&teacherId=" + teacherId)).containsExactly(maths);
        assertThat(ids(manager, "status=completed&from=" + today + "&to=" + today)).hasSize(3);
        assertThat(ids(manager, "status=queued,failed,completed")).hasSize(3);
        assertThat(ids(manager, "status=queued,processing,transcribed")).isEmpty();
        assertThat(ids(manager, "from=" + tomorrow)).isEmpty();
        var page = manager.get("/api/recordings?limit=2").json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("totalCapped").asBoolean(true)).as("an exact count under the cap").isFalse();
        assertThat(manager.get("/api/recordings?from=yesterday").status()).isEqualTo(400);
        assertThat(manager.get("/api/recordings?status=failed,dancing").status()).isEqualTo(400);
    }

    @Test
    void managersSeeTheTeachersNameTeachersDoNotNeedIt() throws Exception {
        JsonNode listed = manager.get("/api/recordings?q=fractions").json().get("items").get(0);
        assertThat(listed.get("teacherName").asText()).isEqualTo("Tess Teacher");
        assertThat(teacher.get("/api/recordings").json().get("items").get(0).get("teacherName").isNull()).isTrue();
    }

    @Test
    void playsTheWholeFileOrTheRangeAPlayerAsksFor() throws Exception {
        HttpResponse<byte[]> whole = fetch(teacher, "/api/recordings/" + maths + "/audio", null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(whole.body()).isEqualTo(audio);

        HttpResponse<byte[]> part = fetch(teacher, "/api/recordings/" + maths + "/audio", "bytes=1000-1999");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + audio.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(audio, 1000, 2000));
    }

    @Test
    void noOneElseHearsATeachersLessonButTheirManager() throws Exception {
        assertThat(fetch(colleague, "/api/recordings/" + maths + "/audio", null).statusCode()).isEqualTo(404);
        assertThat(fetch(manager, "/api/recordings/" + maths + "/audio", null).statusCode()).isEqualTo(200);
    }

    @Test
    void audioRemovedByRetentionIsGoneWithAReason() throws Exception {
        try (Database db = Database.embedded(dataDir)) { // the server's database, opened beside it in this JVM
            db.jdbi().useHandle(h -> h.createUpdate(
                    "UPDATE recordings SET audio_deleted_at = finished_at WHERE id = :id").bind("id", science).execute());
        }

        ApiClient.Response gone = teacher.get("/api/recordings/" + science + "/audio");

        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("message").asText()).contains("retention").contains("transcript");
    }

    @Test
    void theUploadPageLearnsTheLimitTheFormatsAndThatUploadsGoThroughTheApiInLocalMode() throws Exception {
        JsonNode options = teacher.get("/api/recordings/upload-options").json();

        assertThat(options.get("maxBytes").asLong()).isEqualTo(1024 * 1024);
        assertThat(options.get("directUpload").asBoolean()).isFalse();
        assertThat(options.get("formats").findValuesAsText("contentType")).contains("audio/wav", "audio/mpeg");
        assertThat(options.get("formats").findValues("extensions").toString()).contains(".m4a");
    }

    private static HttpResponse<byte[]> fetch(ApiClient as, String path, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + as.token());
        if (range != null) {
            b.header("Range", range);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
