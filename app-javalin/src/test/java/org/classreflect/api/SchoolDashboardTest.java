package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.classreflect.core.metrics.Metric;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.classreflect.sdk.config.Setting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/schools/{id}/dashboard and GET /api/metrics over HTTP. */
class SchoolDashboardTest {

    private static final String PASSWORD = "first-kettle-orbit-1";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    static final FakeTranscriber transcriber = new FakeTranscriber();
    static ClassReflectServer server;
    static ApiClient admin;
    static ApiClient manager;
    static ApiClient teacher;
    static String school;

    @BeforeAll
    static void start() throws Exception {
        server = ClassReflectServer.start(TestServers.settings(dataDir).with(Setting.WORKER_MAX_ATTEMPTS, "1"),
                transcriber, false);
        admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        school = admin.post("/api/schools", Map.of("name", "Willow Primary")).json().get("id").asText();
        manager = user("head@willow.test", "school_manager", school);
        teacher = user("t@willow.test", "teacher", school);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient user(String email, String role, String schoolId) throws Exception {
        admin.post("/api/users", Map.of("email", email, "displayName", email, "role", role, "schoolId", schoolId,
                "password", PASSWORD));
        return admin.as(email, PASSWORD);
    }

    private static String upload() throws Exception {
        ApiClient.Response r = teacher.upload("lesson.wav", Files.readAllBytes(TestServers.sharedAudio("jfk.wav")),
                Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().get("id").asText();
    }

    @Test
    void countsThisMonthsRecordingsAndFailuresOfTheSchool() throws Exception {
        String done = upload();
        teacher.await("/api/recordings/" + done, j -> j.get("status").asText().equals("completed"), WAIT);
        transcriber.failNextCalls(1);
        String failed = upload();
        teacher.await("/api/recordings/" + failed, j -> j.get("status").asText().equals("failed"), WAIT);

        JsonNode figures = manager.get("/api/schools/" + school + "/dashboard").json();

        assertThat(figures.get("month").asText()).isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
        assertThat(figures.get("recordingsThisMonth").asLong()).isEqualTo(2);
        assertThat(figures.get("failed").asLong()).isEqualTo(1);
        assertThat(figures.get("inProcessing").asLong()).isZero();
        assertThat(figures.get("teachersNeedingSupport")).isEmpty();
        assertThat(figures.get("supportRule").asText()).contains("last 5 analysed lessons");
    }

    @Test
    void onlyTheSchoolsManagersAndSuperAdminsSeeTheDashboard() throws Exception {
        String other = admin.post("/api/schools", Map.of("name", "Aspen Primary")).json().get("id").asText();
        ApiClient otherManager = user("head@aspen.test", "school_manager", other);

        assertThat(teacher.get("/api/schools/" + school + "/dashboard").status()).isEqualTo(403);
        assertThat(otherManager.get("/api/schools/" + school + "/dashboard").status()).isEqualTo(404);
        assertThat(admin.get("/api/schools/" + school + "/dashboard").status()).isEqualTo(200);
    }

    @Test
    void theMetricCatalogueNamesEveryMetricWithItsUnitAndRange() throws Exception {
        JsonNode items = manager.get("/api/metrics").json().get("items");

        assertThat(items).hasSize(Metric.values().length);
        JsonNode share = items.findParents("name").stream()
                .filter(m -> m.get("name").asText().equals("OPEN_QUESTION_SHARE")).findFirst().orElseThrow();
        assertThat(share.get("unit").asText()).isEqualTo("ratio");
        assertThat(share.get("highest").asDouble()).isEqualTo(1.0);
    }
}
