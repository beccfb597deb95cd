package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.classreflect.sdk.config.Setting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET/PUT /api/schools/{id}/settings over HTTP: a school's audio retention within the installation's bounds, and
 * what hiding scores from teachers does to the templates they read.
 */
class SchoolSettingsApiTest {

    private static final String PASSWORD = "first-kettle-orbit-1";
    private static final String QUESTIONING = StarterTemplates.QUESTIONING_AND_WAIT_TIME.id();
    /** Every field from which, with the measured metrics, a criterion's score could be worked back out. */
    private static final List<String> SCORING_FIELDS = List.of("weight", "min", "max", "curve", "falloff");

    @TempDir
    static Path dataDir;

    static ClassReflectServer server;
    static ApiClient admin;
    static ApiClient manager;
    static ApiClient teacher;
    static String school;
    static String settings;

    @BeforeAll
    static void start() throws Exception {
        server = ClassReflectServer.start(TestServers.settings(dataDir).with(Setting.AUDIO_RETENTION, "24h")
                .with(Setting.AUDIO_RETENTION_MAX, "10d"), new FakeTranscriber(), false);
        admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        school = admin.post("/api/schools", Map.of("name", "Hazel Primary")).json().get("id").asText();
        settings = "/api/schools/" + school + "/settings";
        manager = user("head@hazel.test", "school_manager");
        teacher = user("t@hazel.test", "teacher");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient user(String email, String role) throws Exception {
        admin.post("/api/users", Map.of("email", email, "displayName", email, "role", role, "schoolId", school,
                "password", PASSWORD));
        return admin.as(email, PASSWORD);
    }

    private static ApiClient.Response putRetention(ApiClient as, Object hours) throws Exception {
        return as.put(settings, Collections.singletonMap("audioRetentionHours", hours));
    }

    @Test
    void aManagerChoosesTheSchoolsAudioRetentionWithinTheInstallationsBounds() throws Exception {
        JsonNode initial = teacher.get(settings).json();
        assertThat(initial.get("audioRetentionHours").isNull()).as("no choice: the installation's").isTrue();
        assertThat(initial.get("effectiveAudioRetentionHours").asDouble()).isEqualTo(24);
        assertThat(initial.get("installationAudioRetentionHours").asDouble()).isEqualTo(24);
        assertThat(initial.get("minAudioRetentionHours").asDouble()).isEqualTo(1);
        assertThat(initial.get("maxAudioRetentionHours").asDouble()).isEqualTo(240);

        ApiClient.Response chosen = putRetention(manager, 72);
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(chosen.json().get("audioRetentionHours").asLong()).isEqualTo(72);
        assertThat(chosen.json().get("effectiveAudioRetentionHours").asDouble()).isEqualTo(72);

        assertThat(refusal(putRetention(manager, 0))).isEqualTo("audio retention must be at least 1 hour");
        assertThat(refusal(putRetention(manager, 241)))
                .isEqualTo("audio retention cannot be longer than 240 hours, the longest this installation allows");
        assertThat(refusal(putRetention(manager, 1.5))).contains("whole number of hours");
        assertThat(refusal(putRetention(manager, "a week"))).contains("whole number of hours");
        ApiClient.Response byTeacher = putRetention(teacher, 1);
        assertThat(byTeacher.status()).isEqualTo(403);
        assertThat(manager.get(settings).json().get("audioRetentionHours").asLong()).as("refusals change nothing")
                .isEqualTo(72);

        manager.put(settings, Map.of("rubricEnabled", false));
        assertThat(manager.get(settings).json().get("audioRetentionHours").asLong()).as("left out: kept")
                .isEqualTo(72);
        ApiClient.Response back = putRetention(manager, null);
        assertThat(back.json().get("audioRetentionHours").isNull()).isTrue();
        assertThat(back.json().get("effectiveAudioRetentionHours").asDouble()).isEqualTo(24);
    }

    @Test
    void aManagerSetsTheSchoolsGoalWithinItsBoundsAndAnalysesAreJudgedAgainstIt() throws Exception {
        JsonNode initial = manager.get(settings).json();
        assertThat(initial.get("scoreGoal").asInt()).isEqualTo(70);
        assertThat(initial.get("minScoreGoal").asInt()).isEqualTo(50);
        assertThat(initial.get("maxScoreGoal").asInt()).isEqualTo(95);

        ApiClient.Response chosen = manager.put(settings, Map.of("scoreGoal", 85, "hideScoresFromTeachers", false));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(chosen.json().get("scoreGoal").asInt()).isEqualTo(85);
        assertThat(teacher.get(settings).json().get("scoreGoal").asInt()).as("scores shown: teachers see it")
                .isEqualTo(85);

        assertThat(refusal(manager.put(settings, Map.of("scoreGoal", 49))))
                .isEqualTo("scoreGoal must be a whole score from 50 to 95, not 49");
        assertThat(refusal(manager.put(settings, Map.of("scoreGoal", 96)))).contains("from 50 to 95");
        assertThat(refusal(manager.put(settings, Map.of("scoreGoal", 80.5)))).contains("whole score");
        assertThat(refusal(manager.put(settings, Collections.singletonMap("scoreGoal", null))))
                .contains("whole score");
        assertThat(teacher.put(settings, Map.of("scoreGoal", 50)).status()).isEqualTo(403);
        assertThat(manager.get(settings).json().get("scoreGoal").asInt()).as("refusals change nothing")
                .isEqualTo(85);

        manager.put(settings, Map.of("hideScoresFromTeachers", true));
        assertThat(teacher.get(settings).json().has("scoreGoal")).as("scores hidden: no goal for teachers")
                .isFalse();
        assertThat(manager.get(settings).json().get("scoreGoal").asInt()).isEqualTo(85);
        manager.put(settings, Map.of("hideScoresFromTeachers", false, "scoreGoal", 70));
    }

    private static String refusal(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        return r.json().get("message").asText();
    }

    @Test
    void whenScoresAreHiddenTeachersGetTemplatesWithoutWeightsTargetsOrCurves() throws Exception {
        assertThat(fieldNames(teacher.get("/api/templates").json())).as("scores shown: the whole template")
                .contains("weight", "curve");

        manager.put(settings, Map.of("hideScoresFromTeachers", true));
        try {
            JsonNode list = teacher.get("/api/templates").json();
            JsonNode one = teacher.get("/api/templates/" + QUESTIONING).json();
            for (JsonNode json : List.of(list, one)) {
                assertThat(fieldNames(json)).doesNotContainAnyElementsOf(SCORING_FIELDS);
            }
            JsonNode criterion = one.get("criteria").get(0);
            assertThat(criterion.get("name").asText()).isNotBlank();
            assertThat(one.get("criteria").findValuesAsText("metric")).as("which metric each criterion looks at")
                    .isNotEmpty();
            assertThat(list.get("items").findValuesAsText("id")).contains(QUESTIONING);
            assertThat(list.get("items").findValuesAsText("name"))
                    .contains(StarterTemplates.QUESTIONING_AND_WAIT_TIME.name());

            for (ApiClient reader : List.of(manager, admin)) {
                assertThat(fieldNames(reader.get("/api/templates").json())).containsAll(SCORING_FIELDS);
                assertThat(fieldNames(reader.get("/api/templates/" + QUESTIONING).json())).contains("weight");
            }
        } finally {
            manager.put(settings, Map.of("hideScoresFromTeachers", false));
        }
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        if (json.isObject()) {
            json.fields().forEachRemaining(e -> {
                names.add(e.getKey());
                names.addAll(fieldNames(e.getValue()));
            });
        } else if (json.isArray()) {
            json.forEach(child -> names.addAll(fieldNames(child)));
        }
        return names;
    }
}
