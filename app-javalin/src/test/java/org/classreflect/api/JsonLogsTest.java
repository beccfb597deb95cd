package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.classreflect.core.template.StarterTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as shipped (its Main, its logback.xml, pocketsphinx) in a process of its own with JSON logs: an upload
 * is transcribed and analysed, accounts and tokens are used. Its log is then read back: every line is JSON, the
 * worker's lines for the recording carry the upload request's id, and no secret appears anywhere in it.
 */
class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void theLogsOfAFullRunAreJsonFollowTheRequestIntoTheWorkerAndHoldNoSecret() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> secrets = new LinkedHashMap<>(Map.of(
                "token key", Base64.getEncoder().encodeToString(key),
                "database password", "db-secret-pelican-44",
                "admin password", "admin-secret-quartz-91",
                "teacher password", "teacher-secret-heron-57",
                "wrong password", "wrong-secret-otter-13",
                "new password", "renewed-secret-lynx-68",
                "rubric API key", "sk-rubric-secret-8c1d2e",
                "metrics token", "metrics-secret-ibex-30"));
        List<String> output = new CopyOnWriteArrayList<>();
        Process server = start(secrets);
        String recording;
        try {
            int port = ChildServers.awaitPort(server, output::add);
            ApiClient admin = new ApiClient(port).login("admin@logs.test", secrets.get("admin password"));
            String school = admin.post("/api/schools", Map.of("name", "Alpha")).json().get("id").asText();
            admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T", "role", "teacher",
                    "schoolId", school, "password", secrets.get("teacher password")));
            assertThat(new ApiClient(port).post("/api/auth/login", Map.of("email", "t@alpha.test",
                    "password", secrets.get("wrong password"))).status()).isEqualTo(401);
            ApiClient teacher = admin.as("t@alpha.test", secrets.get("teacher password"));
            byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
            recording = teacher.upload("lesson.wav", audio, ApiClient.fields("templateId",
                    StarterTemplates.QUESTIONING_AND_WAIT_TIME.id())).json().get("id").asText();
            teacher.await("/api/recordings/" + recording + "/analyses", j -> j.get("items").size() == 1
                    && j.get("items").get(0).get("status").asText().equals("completed"), Duration.ofSeconds(60));
            String apiToken = teacher.post("/api/me/api-tokens", Map.of("name", "script")).json().get("token")
                    .asText();
            assertThat(teacher.withToken(apiToken).get("/api/recordings/" + recording).status()).isEqualTo(200);
            assertThat(teacher.post("/api/me/password", Map.of("currentPassword", secrets.get("teacher password"),
                    "newPassword", secrets.get("new password"))).status()).isEqualTo(200);
            secrets.put("API token", apiToken);
            secrets.put("admin's access token", admin.token());
            secrets.put("teacher's access token", teacher.token());
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        String log = String.join("\n", output);
        secrets.forEach((what, secret) -> assertThat(log).as("the log holds the " + what).doesNotContain(secret));
        assertThat(log).as("no JWT at all").doesNotContain("eyJ");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : output) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).hasSizeGreaterThan(5);
        JsonNode upload = lines.stream().filter(l -> l.path("message").asText()
                .startsWith("POST /api/recordings answered 202")).findFirst().orElseThrow();
        String requestId = upload.path("requestId").asText();
        assertThat(requestId).isNotBlank();
        List<JsonNode> workerLines = lines.stream()
                .filter(l -> l.path("recordingId").asText().equals(recording)).toList();
        assertThat(workerLines).isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("requestId").asText()).isEqualTo(requestId))
                .anySatisfy(l -> assertThat(l.path("message").asText()).contains("ended: completed"));
        assertThat(lines).anySatisfy(l -> assertThat(l.path("message").asText())
                .startsWith("POST /api/auth/login answered 401"));
    }

    private Process start(Map<String, String> secrets) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("CLASSREFLECT_LOG_FORMAT", "json");
        settings.put("CLASSREFLECT_LOG_REQUEST_SAMPLE", "1");
        settings.put("CLASSREFLECT_HOST", "127.0.0.1");
        settings.put("CLASSREFLECT_ENGINE", "pocketsphinx");
        settings.put("CLASSREFLECT_TOKEN_KEY", secrets.get("token key"));
        settings.put("CLASSREFLECT_DB_URL", "jdbc:h2:file:" + dataDir.resolve("secretdb").resolve("cr")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE");
        settings.put("CLASSREFLECT_DB_USER", "owner");
        settings.put("CLASSREFLECT_DB_PASSWORD", secrets.get("database password"));
        settings.put("CLASSREFLECT_ADMIN_EMAIL", "admin@logs.test");
        settings.put("CLASSREFLECT_ADMIN_PASSWORD", secrets.get("admin password"));
        settings.put("CLASSREFLECT_RUBRIC_PROVIDER", "openai");
        settings.put("CLASSREFLECT_RUBRIC_BASE_URL", "http://127.0.0.1:9/v1");
        settings.put("CLASSREFLECT_RUBRIC_MODEL", "any");
        settings.put("CLASSREFLECT_RUBRIC_API_KEY", secrets.get("rubric API key"));
        settings.put("CLASSREFLECT_METRICS_TOKEN", secrets.get("metrics token"));
        settings.put("CLASSREFLECT_WORKER_POLL_WAIT", "100ms");
        return ChildServers.start(settings, List.of(), Main.class, "--port", "0", "--data-dir", dataDir.toString());
    }
}
