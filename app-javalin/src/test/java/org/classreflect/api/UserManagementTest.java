package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /api/users with and without a password, PATCH /api/users/{id} and temporary passwords: who may change whom,
 * and what a change does to sign-in.
 */
class UserManagementTest {

    private static final String PASSWORD = "first-kettle-orbit-1";

    @TempDir
    static Path dataDir;

    static ClassReflectServer server;
    static ApiClient admin;
    static String school;
    static String otherSchool;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dataDir, new FakeTranscriber());
        admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        school = admin.post("/api/schools", Map.of("name", "Birch Primary")).json().get("id").asText();
        otherSchool = admin.post("/api/schools", Map.of("name", "Cedar Primary")).json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String create(String email, String role, String schoolId) throws Exception {
        ApiClient.Response r = admin.post("/api/users", Map.of("email", email, "displayName", "Name of " + email,
                "role", role, "schoolId", schoolId, "password", PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static ApiClient signIn(String email) throws Exception {
        return admin.as(email, PASSWORD);
    }

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void aManagerRenamesATeacherButOnlyASuperAdminMakesOrResetsManagers() throws Exception {
        create("m1@birch.test", "school_manager", school);
        String teacher = create("t1@birch.test", "teacher", school);
        ApiClient manager = signIn("m1@birch.test");
        String second = create("m1b@birch.test", "school_manager", school);

        ApiClient.Response renamed = manager.patch("/api/users/" + teacher,
                body("displayName", "  Tess Teacher ", "email", "Tess@Birch.test"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("displayName").asText()).isEqualTo("Tess Teacher");
        assertThat(manager.patch("/api/users/" + teacher, body("role", "school_manager")).status()).isEqualTo(403);
        assertThat(manager.patch("/api/users/" + second, body("role", "teacher")).status()).isEqualTo(403);
        assertThat(manager.post("/api/users/" + second + "/temporary-password", Map.of()).status()).isEqualTo(403);

        ApiClient.Response r = admin.patch("/api/users/" + teacher, body("role", "school_manager"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("displayName").asText()).isEqualTo("Tess Teacher");
        assertThat(r.json().get("email").asText()).isEqualTo("tess@birch.test");
        assertThat(r.json().get("role").asText()).isEqualTo("school_manager");
        assertThat(admin.get("/api/users/" + teacher).json().get("role").asText()).isEqualTo("school_manager");
        assertThat(new ApiClient(server.port()).as("tess@birch.test", PASSWORD).get("/api/me").status())
                .isEqualTo(200);
    }

    @Test
    void aManagerCannotTouchAnotherSchoolNorMakeSuperAdminsAndTeachersChangeNobody() throws Exception {
        create("m2@birch.test", "school_manager", school);
        String teacherHere = create("t2@birch.test", "teacher", school);
        String teacherThere = create("t2@cedar.test", "teacher", otherSchool);
        ApiClient manager = signIn("m2@birch.test");
        ApiClient teacher = signIn("t2@birch.test");
        String adminId = admin.get("/api/me").json().get("id").asText();

        assertThat(manager.patch("/api/users/" + teacherThere, body("displayName", "X")).status()).isEqualTo(404);
        assertThat(manager.post("/api/users/" + teacherThere + "/temporary-password", Map.of()).status())
                .isEqualTo(404);
        assertThat(manager.patch("/api/users/" + adminId, body("active", false)).status()).isEqualTo(404);
        assertThat(manager.patch("/api/users/" + teacherHere, body("role", "super_admin")).status()).isEqualTo(400);
        assertThat(teacher.patch("/api/users/" + teacherHere, body("displayName", "Me")).status()).isEqualTo(403);
        assertThat(teacher.post("/api/users/" + teacherHere + "/temporary-password", Map.of()).status())
                .isEqualTo(403);
        assertThat(admin.get("/api/users/" + teacherThere).json().get("displayName").asText())
                .isEqualTo("Name of t2@cedar.test");
    }

    @Test
    void aDeactivatedTeacherCanNeitherSignInNorUseATokenTheyAlreadyHave() throws Exception {
        create("m3@birch.test", "school_manager", school);
        String teacherId = create("t3@birch.test", "teacher", school);
        ApiClient manager = signIn("m3@birch.test");
        ApiClient teacher = signIn("t3@birch.test");
        assertThat(teacher.get("/api/me").status()).isEqualTo(200);

        assertThat(manager.patch("/api/users/" + teacherId, body("active", false)).json().get("active").asBoolean())
                .isFalse();

        assertThat(teacher.get("/api/me").status()).isEqualTo(401);
        assertThat(new ApiClient(server.port()).post("/api/auth/login",
                Map.of("email", "t3@birch.test", "password", PASSWORD)).status()).isEqualTo(401);

        manager.patch("/api/users/" + teacherId, body("active", true));
        // deactivation bumped the token version: the old token stays dead; a new sign-in works
        assertThat(teacher.get("/api/me").status()).isEqualTo(401);
        assertThat(signIn("t3@birch.test").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void nobodyDeactivatesThemselvesAndASchoolKeepsAnActiveManager() throws Exception {
        String only = create("only@cedar.test", "school_manager", otherSchool);
        ApiClient manager = signIn("only@cedar.test");

        ApiClient.Response self = manager.patch("/api/users/" + only, body("active", false));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("message").asText()).contains("your own account");
        ApiClient.Response demoted = admin.patch("/api/users/" + only, body("role", "teacher"));
        assertThat(demoted.status()).isEqualTo(409);
        assertThat(demoted.json().get("message").asText()).contains("last active manager");
        assertThat(admin.patch("/api/users/" + only, body("active", false)).status()).isEqualTo(409);

        create("second@cedar.test", "school_manager", otherSchool);
        assertThat(admin.patch("/api/users/" + only, body("active", false)).status()).isEqualTo(200);
    }

    @Test
    void anEmailAlreadyInUseIsAConflict() throws Exception {
        create("m4@birch.test", "school_manager", school);
        String teacher = create("t4@birch.test", "teacher", school);
        create("taken@birch.test", "teacher", school);

        ApiClient.Response r = signIn("m4@birch.test").patch("/api/users/" + teacher, body("email", "TAKEN@birch.test"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(admin.get("/api/users/" + teacher).json().get("email").asText()).isEqualTo("t4@birch.test");
    }

    @Test
    void aTemporaryPasswordReplacesTheOldOneAndMustBeChanged() throws Exception {
        create("m5@birch.test", "school_manager", school);
        String teacher = create("t5@birch.test", "teacher", school);

        ApiClient.Response r = signIn("m5@birch.test").post("/api/users/" + teacher + "/temporary-password",
                Map.of());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String temporary = r.json().get("temporaryPassword").asText();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(10);
        assertThat(r.json().get("user").get("mustChangePassword").asBoolean()).isTrue();
        assertThat(new ApiClient(server.port()).post("/api/auth/login",
                Map.of("email", "t5@birch.test", "password", PASSWORD)).status()).isEqualTo(401);
        ApiClient teacherNow = new ApiClient(server.port()).login("t5@birch.test", temporary);
        assertThat(teacherNow.get("/api/me").json().get("mustChangePassword").asBoolean()).isTrue();
    }

    @Test
    void anAccountCreatedWithoutAPasswordGetsATemporaryOneShownOnceThatMustBeChanged() throws Exception {
        create("m6@birch.test", "school_manager", school);
        ApiClient manager = signIn("m6@birch.test");

        ApiClient.Response r = manager.post("/api/users",
                body("email", "T6@Birch.test", "displayName", "Tia Six", "role", "teacher"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("email").asText()).isEqualTo("t6@birch.test");
        assertThat(r.json().get("schoolId").asText()).isEqualTo(school);
        assertThat(r.json().get("mustChangePassword").asBoolean()).isTrue();
        String temporary = r.json().get("temporaryPassword").asText();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(10);
        String id = r.json().get("id").asText();
        assertThat(admin.get("/api/users/" + id).json().has("temporaryPassword")).isFalse();
        ApiClient teacher = new ApiClient(server.port()).login("t6@birch.test", temporary);
        assertThat(teacher.get("/api/me").json().get("mustChangePassword").asBoolean()).isTrue();

        ApiClient.Response another = manager.post("/api/users",
                body("email", "t7@birch.test", "displayName", "Tom Seven", "role", "teacher"));
        assertThat(another.json().get("temporaryPassword").asText()).isNotEqualTo(temporary);
    }

    @Test
    void anAccountCreatedWithAPasswordUsesItAndAnswersNoTemporaryOne() throws Exception {
        ApiClient.Response r = admin.post("/api/users", body("email", "t8@birch.test", "displayName", "Tad Eight",
                "role", "teacher", "schoolId", school, "password", PASSWORD));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().has("temporaryPassword")).isFalse();
        assertThat(r.json().get("mustChangePassword").asBoolean()).isFalse();
        assertThat(signIn("t8@birch.test").get("/api/me").json().get("mustChangePassword").asBoolean()).isFalse();
        ApiClient.Response tooShort = admin.post("/api/users", body("email", "t9@birch.test", "displayName", "Ty Nine",
                "role", "teacher", "schoolId", school, "password", "short"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("message").asText()).contains("password");
    }

    @Test
    void aRefusedCreationWithoutAPasswordLeavesNoAccount() throws Exception {
        create("m10@birch.test", "school_manager", school);
        ApiClient manager = signIn("m10@birch.test");

        ApiClient.Response elsewhere = manager.post("/api/users", body("email", "t10@cedar.test",
                "displayName", "Tessa Ten", "role", "teacher", "schoolId", otherSchool));
        ApiClient.Response manager2 = manager.post("/api/users", body("email", "m11@birch.test",
                "displayName", "Max Eleven", "role", "school_manager"));

        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(manager2.status()).isEqualTo(403);
        assertThat(elsewhere.json().has("temporaryPassword")).isFalse();
        assertThat(admin.get("/api/users?schoolId=" + otherSchool).json().findValuesAsText("email"))
                .doesNotContain("t10@cedar.test");
    }
}
