package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/users/import: every row checked first, all or nothing, temporary passwords shown once. */
class TeacherImportTest {

    private static final String PASSWORD = "first-kettle-orbit-1";

    @TempDir
    static Path dataDir;

    static ClassReflectServer server;
    static ApiClient admin;
    static ApiClient manager;
    static String school;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dataDir, new FakeTranscriber());
        admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        school = admin.post("/api/schools", Map.of("name", "Maple Primary")).json().get("id").asText();
        admin.post("/api/users", Map.of("email", "head@maple.test", "displayName", "Head", "role", "school_manager",
                "schoolId", school, "password", PASSWORD));
        admin.post("/api/users", Map.of("email", "existing@maple.test", "displayName", "Existing",
                "role", "teacher", "schoolId", school, "password", PASSWORD));
        manager = admin.as("head@maple.test", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient.Response importCsv(ApiClient as, String csv) throws Exception {
        return as.upload("/api/users/import", "teachers.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static List<String> problems(JsonNode body) {
        List<String> found = new ArrayList<>();
        body.get("problems").forEach(p -> found.add(p.get("row").asInt() + ":" + p.get("column").asText()));
        return found;
    }

    private static int schoolSize() throws Exception {
        return manager.get("/api/users").json().size();
    }

    @Test
    void theExampleFileThePageOffersImportsAsItIs() throws Exception {
        String example;
        try (var in = TeacherImportTest.class.getResourceAsStream("/public/examples/teachers.csv")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        ApiClient.Response r = importCsv(manager, example);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("created")).hasSize(3);
    }

    @Test
    void everyBadRowIsReportedWithItsRowAndColumnAndNobodyIsCreated() throws Exception {
        int before = schoolSize();
        String csv = """
                name,email,role
                Good Person,good@maple.test,teacher
                ,noname@maple.test,
                Bad Email,not-an-email,teacher
                Twice Once,twice@maple.test,
                Twice Again,TWICE@maple.test,
                Already Here,existing@maple.test,
                Wrong Role,role@maple.test,principal
                Promoted,promoted@maple.test,school_manager
                """;

        ApiClient.Response r = importCsv(manager, csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("invalid_rows");
        assertThat(problems(r.json())).containsExactly("3:name", "4:email", "6:email", "7:email", "8:role",
                "9:role");
        assertThat(r.json().get("problems").get(2).get("message").asText()).contains("row 5");
        assertThat(schoolSize()).isEqualTo(before);
        assertThat(new ApiClient(server.port()).post("/api/auth/login",
                Map.of("email", "good@maple.test", "password", "anything-at-all")).status()).isEqualTo(401);
    }

    @Test
    void aCleanFileCreatesEveryAccountWithATemporaryPasswordThatMustBeChanged() throws Exception {
        int before = schoolSize();
        String csv = "\uFEFFName, Email ,Role\r\nAmy Adams,amy@maple.test,\r\n\"Bo, Brown\",BO@maple.test,teacher\r\n";

        ApiClient.Response r = importCsv(manager, csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode created = r.json().get("created");
        assertThat(created).hasSize(2);
        assertThat(created.get(1).get("user").get("displayName").asText()).isEqualTo("Bo, Brown");
        assertThat(created.get(1).get("user").get("email").asText()).isEqualTo("bo@maple.test");
        assertThat(created.get(0).get("user").get("schoolId").asText()).isEqualTo(school);
        assertThat(schoolSize()).isEqualTo(before + 2);
        String password = created.get(0).get("temporaryPassword").asText();
        ApiClient amy = new ApiClient(server.port()).login("amy@maple.test", password);
        assertThat(amy.get("/api/me").json().get("mustChangePassword").asBoolean()).isTrue();
        assertThat(amy.get("/api/me").json().get("role").asText()).isEqualTo("teacher");
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrWithBrokenQuotingIsRefusedAsAWhole() throws Exception {
        ApiClient.Response noEmail = importCsv(manager, "name,mail\nAl,al@maple.test\n");
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(problems(noEmail.json())).containsExactly("1:email", "1:mail");

        ApiClient.Response broken = importCsv(manager, "name,email\nAl,al@maple.test\n\"Unclosed,x@maple.test\n");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("problems").get(0).get("message").asText()).contains("not valid CSV");
        assertThat(importCsv(manager, "name,email\n").status()).isEqualTo(400);
    }

    @Test
    void aFileFarLargerThanAnyListOfTeachersIsRefusedBeforeItIsParsed() throws Exception {
        String huge = "name,email\n\"" + "x".repeat(300 * 1024) + "\n";
        int before = schoolSize();

        ApiClient.Response answer = importCsv(manager, huge);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("message").asText()).contains("256 KB");
        assertThat(schoolSize()).isEqualTo(before);
    }

    @Test
    void teachersImportNobodyAndSuperAdminsChooseTheSchool() throws Exception {
        admin.post("/api/users", Map.of("email", "plain@maple.test", "displayName", "Plain", "role", "teacher",
                "schoolId", school, "password", PASSWORD));
        ApiClient teacher = admin.as("plain@maple.test", PASSWORD);
        assertThat(importCsv(teacher, "name,email\nSneaky,sneaky@maple.test\n").status()).isEqualTo(403);

        ApiClient.Response byAdmin = admin.upload("/api/users/import", "t.csv",
                "name,email,role\nNew Head,newhead@maple.test,school_manager\n".getBytes(StandardCharsets.UTF_8),
                Map.of("schoolId", school));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
        assertThat(byAdmin.json().get("created").get(0).get("user").get("role").asText()).isEqualTo("school_manager");
    }
}
