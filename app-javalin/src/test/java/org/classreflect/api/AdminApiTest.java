package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.classreflect.api.ApiClient.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.classreflect.core.scaling.CostModel;
import org.classreflect.core.scaling.InstancePrice.Purchase;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The super admin's schools, users, usage and workload over HTTP, and that nobody else gets them. */
class AdminApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "admin-test-kettle-orbit";

    @TempDir
    static Path dataDir;

    static ClassReflectServer server;
    static ApiClient admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dataDir, new FakeTranscriber());
        admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String school(String name) throws Exception {
        ApiClient.Response r = admin.post("/api/schools", Map.of("name", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static ApiClient user(String email, String role, String schoolId) throws Exception {
        ApiClient.Response r = admin.post("/api/users", Map.of("email", email, "displayName", email, "role", role,
                "schoolId", schoolId, "password", PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return admin.as(email, PASSWORD);
    }

    private static JsonNode schoolRow(String id) throws Exception {
        for (JsonNode s : admin.get("/api/admin/schools").json()) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("school " + id + " is not listed");
    }

    @Test
    void aSchoolIsListedWithItsCountsAndCanBeRenamedButNotToAnotherSchoolsName() throws Exception {
        String oak = school("Oak Primary");
        school("Elm Primary");
        user("m@oak.test", "school_manager", oak);
        ApiClient teacher = user("t@oak.test", "teacher", oak);
        user("t2@oak.test", "teacher", oak);
        byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        assertThat(teacher.upload("lesson.wav", audio, fields()).status()).isEqualTo(202);

        JsonNode row = schoolRow(oak);
        assertThat(row.get("name").asText()).isEqualTo("Oak Primary");
        assertThat(List.of(row.get("teachers").asInt(), row.get("managers").asInt(), row.get("recordings").asInt()))
                .containsExactly(2, 1, 1);

        ApiClient.Response renamed = admin.patch("/api/schools/" + oak, Map.of("name", "  Oak Academy "));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Oak Academy");
        assertThat(admin.get("/api/schools/" + oak).json().get("name").asText()).isEqualTo("Oak Academy");

        assertThat(admin.patch("/api/schools/" + oak, Map.of("name", "Elm Primary")).status()).isEqualTo(409);
        assertThat(admin.patch("/api/schools/" + oak, Map.of("name", " ")).status()).isEqualTo(400);
        assertThat(admin.patch("/api/schools/no-such-school", Map.of("name", "X")).status()).isEqualTo(404);
    }

    @Test
    void usersAreListedByRoleSchoolAndStatusAndSuperAdminsBelongToNoSchool() throws Exception {
        String birch = school("Birch Primary");
        ApiClient manager = user("m@birch.test", "school_manager", birch);
        user("t@birch.test", "teacher", birch);
        String gone = admin.post("/api/users", Map.of("email", "gone@birch.test", "displayName", "Gone",
                "role", "teacher", "schoolId", birch, "password", PASSWORD)).json().get("id").asText();
        assertThat(manager.patch("/api/users/" + gone, Map.of("active", false)).status()).isEqualTo(200);
        ApiClient.Response admin2 = admin.post("/api/users", Map.of("email", "second@admin.test",
                "displayName", "Second Admin", "role", "super_admin", "password", PASSWORD));
        assertThat(admin2.status()).as(admin2.toString()).isEqualTo(201);
        assertThat(admin2.json().get("schoolId").isNull()).isTrue();

        assertThat(emails("/api/users?schoolId=" + birch + "&role=teacher&active=true"))
                .containsExactly("t@birch.test");
        assertThat(emails("/api/users?schoolId=" + birch + "&active=false")).containsExactly("gone@birch.test");
        assertThat(emails("/api/users?role=super_admin"))
                .containsExactlyInAnyOrder(TestServers.ADMIN_EMAIL, "second@admin.test");
        assertThat(admin.get("/api/users?role=janitor").status()).isEqualTo(400);
        assertThat(admin.get("/api/users?active=maybe").status()).isEqualTo(400);
        assertThat(manager.get("/api/users?schoolId=elsewhere&role=super_admin").json()).isEmpty();
    }

    private static List<String> emails(String path) throws Exception {
        ApiClient.Response r = admin.get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().findValuesAsText("email");
    }

    @Test
    void usageCountsEachSchoolsRecordingsAndAudioHoursThisMonthAndPricesThemWithTheCostModel() throws Exception {
        String cedar = school("Cedar Primary");
        ApiClient teacher = user("t@cedar.test", "teacher", cedar);
        byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        String id = teacher.upload("lesson.wav", audio, fields()).json().get("id").asText();
        JsonNode done = teacher.await("/api/recordings/" + id, j -> j.get("status").asText().equals("completed"),
                WAIT);
        double seconds = done.get("durationSeconds").asDouble();
        assertThat(seconds).isPositive();

        JsonNode usage = admin.get("/api/admin/usage?months=3").json();
        JsonNode row = null;
        for (JsonNode m : usage.get("months")) {
            if (m.get("schoolId").asText().equals(cedar)) {
                row = m;
            }
        }
        assertThat(row).as("a row for the school").isNotNull();
        assertThat(row.get("month").asText()).isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
        assertThat(row.get("schoolName").asText()).isEqualTo("Cedar Primary");
        assertThat(row.get("recordings").asInt()).isEqualTo(1);
        assertThat(row.get("audioHours").asDouble()).isCloseTo(seconds / 3600, within(1e-9));
        double expected = CostModel.DEFAULTS.costPerRecording(Duration.ofMillis(Math.round(seconds * 1000)),
                Purchase.ON_DEMAND, 1);
        assertThat(row.get("estimatedCost").asDouble()).isCloseTo(expected, within(1e-12));

        JsonNode assumptions = usage.get("assumptions");
        assertThat(assumptions.get("instance").asText()).isEqualTo(CostModel.DEFAULTS.instance().name());
        assertThat(assumptions.get("pricePerHour").asDouble()).isEqualTo(CostModel.DEFAULTS.instance().onDemandPerHour());
        assertThat(assumptions.get("realTimeFactor").asDouble()).isEqualTo(CostModel.DEFAULTS.realTimeFactor());
        assertThat(assumptions.get("purchase").asText()).isEqualTo("on_demand");
        assertThat(admin.get("/api/admin/usage?months=0").status()).isEqualTo(400);
    }

    @Test
    void theWorkloadShowsTheQueueAndTheWorkersThisProcessRuns() throws Exception {
        JsonNode workload = admin.get("/api/admin/workload").json();

        assertThat(workload.get("mode").asText()).isEqualTo("local");
        assertThat(workload.get("inProcessWorkers").asInt()).isEqualTo(1);
        assertThat(workload.get("queue").has("waiting")).isTrue();
        assertThat(workload.get("queue").get("deadLettered").asInt()).isZero();
        assertThat(workload.get("fleet").isNull()).as("local mode has no fleet of hosts").isTrue();
    }

    @Test
    void schoolManagersAndTeachersGetNoneOfTheAdminApis() throws Exception {
        String dell = school("Dell Primary");
        ApiClient manager = user("m@dell.test", "school_manager", dell);
        ApiClient teacher = user("t@dell.test", "teacher", dell);
        for (ApiClient other : List.of(manager, teacher)) {
            for (String path : List.of("/api/admin/schools", "/api/admin/usage", "/api/admin/workload",
                    "/api/admin/system")) {
                ApiClient.Response r = other.get(path);
                assertThat(r.status()).as(path).isEqualTo(403);
                assertThat(r.json().get("error").asText()).isEqualTo("forbidden");
            }
            assertThat(other.put("/api/admin/system", Map.of("transcriptionModel", "tiny.en")).status())
                    .isEqualTo(403);
            assertThat(other.patch("/api/schools/" + dell, Map.of("name", "Mine now")).status()).isEqualTo(403);
        }
        assertThat(admin.get("/api/schools/" + dell).json().get("name").asText()).isEqualTo("Dell Primary");
    }
}
