package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts hardening over HTTP: throttled sign-in, token versions, password policy, must-change, no enumeration. */
class AccountSecurityTest {

    private static final String PASSWORD = "first-kettle-orbit-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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

    private static HttpResponse<String> login(String email, String password, String contentType) throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", email, "password", password));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/auth/login"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String email, String password) throws Exception {
        HttpResponse<String> r = login(email, password, "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("token").asText();
    }

    private static int me(String bearer) throws Exception {
        return admin.withToken(bearer).get("/api/me").status();
    }

    @Test
    void fiveWrongPasswordsThenEvenTheRightOneGets429WithRetryAfter() throws Exception {
        create("throttled@birch.test", "teacher", school);
        for (int i = 0; i < 5; i++) {
            assertThat(login("throttled@birch.test", "wrong guess " + i, "application/json").statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> blocked = login("throttled@birch.test", PASSWORD, "application/json");
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 30L));
        assertThat(JSON.readTree(blocked.body()).get("error").asText()).isEqualTo("too_many_requests");
    }

    @Test
    void aSuccessfulSignInResetsTheCount() throws Exception {
        create("forgetful@birch.test", "teacher", school);
        for (int i = 0; i < 4; i++) {
            assertThat(login("forgetful@birch.test", "wrong guess", "application/json").statusCode()).isEqualTo(401);
        }
        token("forgetful@birch.test", PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(login("forgetful@birch.test", "wrong guess", "application/json").statusCode()).isEqualTo(401);
        }
        token("forgetful@birch.test", PASSWORD);
    }

    @Test
    void signInAcceptsJsonOnly() throws Exception {
        create("plain@birch.test", "teacher", school);
        assertThat(login("plain@birch.test", PASSWORD, "text/plain").statusCode()).isEqualTo(415);
        assertThat(login("plain@birch.test", PASSWORD, "application/x-www-form-urlencoded").statusCode())
                .isEqualTo(415);
        assertThat(login("plain@birch.test", PASSWORD, "application/json; charset=utf-8").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPasswordChangeEndsEarlierAccessAndApiTokens() throws Exception {
        create("changer@birch.test", "teacher", school);
        String old = token("changer@birch.test", PASSWORD);
        ApiClient user = admin.withToken(old);
        String apiToken = user.post("/api/me/api-tokens", Map.of("name", "script")).json().get("token").asText();
        assertThat(me(apiToken)).isEqualTo(200);

        ApiClient.Response changed = user.post("/api/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "staple kettle orbit 42"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        assertThat(me(old)).isEqualTo(401);
        assertThat(me(apiToken)).isEqualTo(401);
        assertThat(me(changed.json().get("token").asText())).isEqualTo(200);
    }

    @Test
    void aResetADeactivationAndASignOutEndEarlierTokens() throws Exception {
        String id = create("ended@birch.test", "teacher", school);
        String first = token("ended@birch.test", PASSWORD);
        String apiToken = admin.withToken(first).post("/api/me/api-tokens", Map.of("name", "s")).json()
                .get("token").asText();
        String temporary = admin.post("/api/users/" + id + "/temporary-password", Map.of()).json()
                .get("temporaryPassword").asText();
        assertThat(me(first)).isEqualTo(401);
        assertThat(me(apiToken)).isEqualTo(401);

        String second = token("ended@birch.test", temporary);
        assertThat(admin.patch("/api/users/" + id, Map.of("active", false)).status()).isEqualTo(200);
        assertThat(admin.patch("/api/users/" + id, Map.of("active", true)).status()).isEqualTo(200);
        assertThat(me(second)).isEqualTo(401);

        String third = token("ended@birch.test", temporary);
        assertThat(me(third)).isEqualTo(200);
        assertThat(admin.withToken(third).post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
        assertThat(me(third)).isEqualTo(401);
    }

    @Test
    void weakPasswordsAreRefusedWithTheReason() throws Exception {
        for (String weak : new String[] {"password12", "          ", "weakling@birch.test"}) {
            ApiClient.Response r = admin.post("/api/users", Map.of("email", "weakling@birch.test",
                    "displayName", "Wendy Weakling", "role", "teacher", "schoolId", school, "password", weak));
            assertThat(r.status()).as(weak).isEqualTo(400);
            assertThat(r.json().get("message").asText()).as(weak).contains("password is too weak");
        }
        create("strong@birch.test", "teacher", school);
        ApiClient.Response change = admin.withToken(token("strong@birch.test", PASSWORD)).post("/api/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "password12"));
        assertThat(change.status()).isEqualTo(400);
        assertThat(change.json().get("message").asText()).contains("common");
    }

    @Test
    void aTemporaryPasswordAllowsOnlyMePasswordChangeAndSignOut() throws Exception {
        ApiClient.Response created = admin.post("/api/users", Map.of("email", "newbie@birch.test",
                "displayName", "Newbie", "role", "teacher", "schoolId", school));
        String temporary = created.json().get("temporaryPassword").asText();
        ApiClient newbie = admin.withToken(token("newbie@birch.test", temporary));
        assertThat(newbie.get("/api/me").status()).isEqualTo(200);
        ApiClient.Response refused = newbie.get("/api/recordings");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("password_change_required");
        assertThat(newbie.post("/api/me/api-tokens", Map.of("name", "x")).status()).isEqualTo(403);

        ApiClient.Response changed = newbie.post("/api/me/password",
                Map.of("currentPassword", temporary, "newPassword", "staple kettle orbit 42"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(admin.withToken(changed.json().get("token").asText()).get("/api/recordings").status())
                .isEqualTo(200);
    }

    @Test
    void aManagerCannotTellAnEmailInAnotherSchoolFromOneInTheirOwn() throws Exception {
        create("boss@birch.test", "school_manager", school);
        create("colleague@birch.test", "teacher", school);
        create("stranger@cedar.test", "teacher", otherSchool);
        ApiClient manager = admin.withToken(token("boss@birch.test", PASSWORD));
        ApiClient.Response own = manager.post("/api/users", Map.of("email", "colleague@birch.test",
                "displayName", "X", "role", "teacher"));
        ApiClient.Response elsewhere = manager.post("/api/users", Map.of("email", "stranger@cedar.test",
                "displayName", "X", "role", "teacher"));
        assertThat(elsewhere.status()).isEqualTo(own.status());
        assertThat(elsewhere.json()).isEqualTo(own.json());
        JsonNode body = elsewhere.json();
        assertThat(body.toString()).doesNotContain("stranger").doesNotContain("already exists");
    }
}
