package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access log and erasure on request, over HTTP against a local-mode server (embedded H2, audio files). */
class AccessLogAndErasureTest {

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

    private String completedLesson() throws Exception {
        byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        String id = alpha.teacher().upload("jfk.wav", audio, ApiClient.fields()).json().get("id").asText();
        alpha.teacher().await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"),
                Duration.ofSeconds(30));
        return id;
    }

    private static List<String> actions(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(e -> out.add(e.get("action").asText()));
        return out;
    }

    @Test
    void readsChangesAndSignInsAreLoggedAndEachRoleSeesItsShareFilteredAndAsCsv() throws Exception {
        String lesson = completedLesson();
        assertThat(alpha.manager().get("/api/recordings/" + lesson + "/transcript").status()).isEqualTo(200);
        assertThat(alpha.manager().get("/api/recordings/" + lesson + "/transcript?format=srt").status()).isEqualTo(200);
        assertThat(alpha.manager().patch("/api/users/" + alpha.teacherId(), Map.of("displayName", "Tess T.")).status())
                .isEqualTo(200);
        alpha.admin().post("/api/schools", Map.of("name", "Beta"));

        JsonNode teachersView = alpha.teacher().get("/api/access-log?actorId=" + alpha.managerId()).json();
        assertThat(actions(teachersView)).containsExactly("change_user", "export", "read_transcript");
        JsonNode read = teachersView.get("items").get(2);
        assertThat(read.get("actorName").asText()).isEqualTo("Mona Manager");
        assertThat(read.get("targetId").asText()).isEqualTo(lesson);
        assertThat(read.get("teacherId").asText()).isEqualTo(alpha.teacherId());
        assertThat(read.get("from").asText()).isEqualTo("127.0.0.1");

        assertThat(actions(alpha.manager().get("/api/access-log?action=sign_in").json()))
                .as("the sign-ins of the school's people, not the super admin's").hasSize(2);
        assertThat(actions(alpha.admin().get("/api/access-log?action=sign_in").json())).hasSize(3);
        assertThat(actions(alpha.teacher().get("/api/access-log?action=sign_in").json())).as("her own").hasSize(1);

        ApiClient.TextResponse csv = alpha.manager().getText("/api/access-log.csv?action=read_transcript");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("at,actor_id,actor_name,actor_role,action");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(alpha.managerId(), "Mona Manager", "read_transcript", lesson);
        assertThat(actions(alpha.admin().get("/api/access-log?action=export").json()))
                .as("the SRT download and the CSV export").hasSize(2);
        assertThat(alpha.teacher().get("/api/access-log?action=nonsense").status()).isEqualTo(400);
    }

    @Test
    void failedSignInsAreLoggedWithTheEmailGivenNeverThePasswordAndShownToTheAccountsSchool() throws Exception {
        ApiClient stranger = new ApiClient(server.port());
        assertThat(stranger.post("/api/auth/login", Map.of("email", " T@Alpha.test", "password", "guess-one-two-3"))
                .status()).isEqualTo(401);
        assertThat(stranger.post("/api/auth/login", Map.of("email", "nobody@else.test", "password", "guess-four-5"))
                .status()).isEqualTo(401);

        JsonNode managers = alpha.manager().get("/api/access-log?action=sign_in_failed").json();
        assertThat(actions(managers)).as("only the attempt on an account of her school").hasSize(1);
        JsonNode attempt = managers.get("items").get(0);
        assertThat(attempt.get("detail").asText()).contains("t@alpha.test").doesNotContain("guess");
        assertThat(attempt.get("targetId").asText()).isEqualTo(alpha.teacherId());
        assertThat(attempt.get("actorId").asText()).isEqualTo("anonymous");
        assertThat(attempt.get("actorRole").isNull()).isTrue();
        assertThat(attempt.get("from").asText()).isEqualTo("127.0.0.1");
        JsonNode all = alpha.admin().get("/api/access-log?action=sign_in_failed").json();
        assertThat(actions(all)).hasSize(2);
        assertThat(all.get("items").get(0).get("detail").asText()).contains("nobody@else.test")
                .doesNotContain("guess");
        assertThat(alpha.admin().getText("/api/access-log.csv?action=sign_in_failed").body())
                .contains("nobody@else.test").doesNotContain("guess");
    }

    @Test
    void deletingALessonIsLoggedAndTheEntryOutlivesIt() throws Exception {
        String lesson = completedLesson();

        assertThat(alpha.teacher().delete("/api/recordings/" + lesson).status()).isEqualTo(204);

        assertThat(alpha.manager().get("/api/recordings/" + lesson).status()).isEqualTo(404);
        JsonNode deletions = alpha.manager().get("/api/access-log?action=delete_recording").json();
        assertThat(actions(deletions)).hasSize(1);
        JsonNode deletion = deletions.get("items").get(0);
        assertThat(deletion.get("targetId").asText()).isEqualTo(lesson);
        assertThat(deletion.get("teacherId").asText()).isEqualTo(alpha.teacherId());
        assertThat(deletion.get("schoolId").asText()).isEqualTo(alpha.schoolId());
        assertThat(deletion.get("actorId").asText()).isEqualTo(alpha.teacherId());
        assertThat(actions(alpha.teacher().get("/api/access-log?action=delete_recording").json())).hasSize(1);
    }

    @Test
    void aManagerErasesATeacherAndEverythingOfTheirsGoesLeavingAReceiptAndTheLogAboutThem() throws Exception {
        String first = completedLesson();
        String second = completedLesson();
        alpha.teacher().post("/api/me/api-tokens", Map.of("name", "laptop"));
        alpha.manager().get("/api/recordings/" + first + "/transcript");
        assertThat(audioFiles()).isEqualTo(2);

        Map<String, String> eraseTeacher = Map.of("kind", "teacher", "subjectId", alpha.teacherId());
        assertThat(alpha.teacher().post("/api/erasures", eraseTeacher).status()).isEqualTo(403);
        JsonNode accepted = alpha.manager().post("/api/erasures", eraseTeacher).json();
        JsonNode done = alpha.manager().await("/api/erasures/" + accepted.get("id").asText(),
                e -> e.get("status").asText().equals("completed"), Duration.ofSeconds(30));

        assertThat(done.get("receipt").get("recordings").asInt()).isEqualTo(2);
        assertThat(done.get("receipt").get("audioFiles").asInt()).isEqualTo(2);
        assertThat(done.get("receipt").get("transcripts").asInt()).isEqualTo(2);
        assertThat(done.get("receipt").get("apiTokens").asInt()).isEqualTo(1);
        assertThat(audioFiles()).isZero();
        assertThat(alpha.admin().get("/api/recordings/" + first).status()).isEqualTo(404);
        assertThat(alpha.admin().get("/api/recordings/" + second).status()).isEqualTo(404);
        assertThat(alpha.admin().get("/api/users/" + alpha.teacherId()).status()).isEqualTo(404);
        assertThat(new ApiClient(server.port()).post("/api/auth/login",
                Map.of("email", "t@alpha.test", "password", "teacher-kettle-orbit-1")).status()).isEqualTo(401);
        JsonNode about = alpha.manager().get("/api/access-log?teacherId=" + alpha.teacherId()).json();
        assertThat(actions(about)).as("the erasure, and the reads before it, kept").contains("erasure",
                "read_transcript");
        JsonNode erasure = about.get("items").get(0);
        assertThat(erasure.get("detail").asText()).contains("2 recording(s)");
        assertThat(erasure.get("teacherName").isNull()).as("the account is gone, its id stays").isTrue();
        assertThat(alpha.manager().get("/api/erasures").json()).hasSize(1);
        assertThat(alpha.teacher().get("/api/erasures").status()).as("her tokens stopped working").isEqualTo(401);
    }

    @Test
    void onlyASuperAdminErasesASchool() throws Exception {
        completedLesson();
        Map<String, String> eraseSchool = Map.of("kind", "school", "subjectId", alpha.schoolId());
        assertThat(alpha.manager().post("/api/erasures", eraseSchool).status()).isEqualTo(403);
        JsonNode accepted = alpha.admin().post("/api/erasures", eraseSchool).json();
        JsonNode done = alpha.admin().await("/api/erasures/" + accepted.get("id").asText(),
                e -> e.get("status").asText().equals("completed"), Duration.ofSeconds(30));

        assertThat(done.get("receipt").get("users").asInt()).isEqualTo(2);
        assertThat(alpha.admin().get("/api/schools/" + alpha.schoolId()).status()).isEqualTo(404);
        assertThat(audioFiles()).isZero();
    }

    private long audioFiles() throws Exception {
        return AlphaSchool.audioFiles(dataDir);
    }
}
