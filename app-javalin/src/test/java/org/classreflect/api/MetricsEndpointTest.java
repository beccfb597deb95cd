package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.sdk.config.Setting;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.classreflect.testfixtures.fakes.ScriptedTranscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real requests and jobs, then a scrape of /metrics on the API's port and on the listener of its own. */
class MetricsEndpointTest {

    private static final String TOKEN = "scraper-token-7f3a";
    private static final String PASSWORD = "teacher-kettle-orbit-1";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private ClassReflectServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void requestsUploadsJobsStagesAnalysesFailuresThePoolTheQueueAndTheJvmAreMeasured() throws Exception {
        server = ClassReflectServer.start(TestServers.settings(dataDir).with(Setting.METRICS_TOKEN, TOKEN)
                .with(Setting.METRICS_PORT, "0"), new FakeTranscriber().failNextCalls(1), false);
        PrometheusSamples before = scrape(server.port());
        assertThat(before.value("classreflect_jobs_seconds_count")).isZero();

        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Alpha")).json().get("id").asText();
        admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T", "role", "teacher",
                "schoolId", school, "password", PASSWORD));
        ApiClient teacher = admin.as("t@alpha.test", PASSWORD);
        byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        String id = teacher.upload("lesson.wav", audio, ApiClient.fields("templateId",
                StarterTemplates.QUESTIONING_AND_WAIT_TIME.id())).json().get("id").asText();
        teacher.await("/api/recordings/" + id + "/analyses", j -> j.get("items").size() == 1
                && j.get("items").get(0).get("status").asText().equals("completed"), Duration.ofSeconds(30));
        assertThat(teacher.get("/api/recordings/nope").status()).isEqualTo(404);

        PrometheusSamples after = scrape(server.port());
        assertThat(after.value("http_server_requests_seconds_count", "method", "POST", "route", "/api/recordings",
                "status", "202")).isEqualTo(1);
        assertThat(after.value("http_server_requests_seconds_count", "method", "GET",
                "route", "/api/recordings/{id}/analyses", "status", "200")).isGreaterThanOrEqualTo(1);
        assertThat(after.value("http_server_requests_seconds_count", "route", "/api/recordings/{id}",
                "status", "404")).isEqualTo(1);
        assertThat(after.samples()).noneMatch(s -> s.labels().getOrDefault("route", "").contains(id));
        assertThat(after.value("http_server_requests_in_flight")).as("the scrape itself").isEqualTo(1);
        assertThat(after.value("classreflect_upload_size_bytes_sum")).isEqualTo(audio.length);
        assertThat(after.value("classreflect_jobs_seconds_count", "outcome", "retry_scheduled")).isEqualTo(1);
        assertThat(after.value("classreflect_jobs_seconds_count", "outcome", "completed")).isEqualTo(1);
        assertThat(after.value("classreflect_failures_total", "stage", "transcription",
                "reason", "TranscriptionException")).isEqualTo(1);
        assertThat(after.value("classreflect_stage_seconds_count", "stage", "transcription")).isEqualTo(2);
        assertThat(after.value("classreflect_stage_seconds_count", "stage", "analysis")).isEqualTo(1);
        assertThat(after.value("classreflect_transcription_real_time_factor_count", "engine",
                FakeTranscriber.ENGINE))
                .isEqualTo(1);
        assertThat(after.value("classreflect_analysis_seconds_count", "outcome", "completed")).isEqualTo(1);
        assertThat(after.value("classreflect_queue_visible")).isZero();
        assertThat(after.has("classreflect_queue_oldest_age_seconds")).isTrue();
        assertThat(after.value("classreflect_db_pool_open")).isPositive();
        assertThat(after.value("jvm_memory_used_bytes", "area", "heap")).isPositive();
        assertThat(after.value("jvm_threads_live_threads")).isPositive();

        assertThat(metricsOfTheDashboard()).allSatisfy(name -> assertThat(after.has(name)).as(name).isTrue());

        HttpResponse<String> own = get(server.metricsPort().orElseThrow(), TOKEN);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(PrometheusSamples.parse(own.body()).value("classreflect_jobs_seconds_count", "outcome",
                "completed")).isEqualTo(1);
    }

    @Test
    void withoutTheTokenNobodyReadsTheMetricsAndWithoutATokenSettingTheApiPortServesNone() throws Exception {
        server = ClassReflectServer.start(TestServers.settings(dataDir).with(Setting.METRICS_TOKEN, TOKEN)
                .with(Setting.METRICS_PORT, "0"), new ScriptedTranscriber(ScriptedTranscriber.SHORT_LESSON), false);
        assertThat(get(server.port(), null).statusCode()).isEqualTo(401);
        assertThat(get(server.port(), "wrong").statusCode()).isEqualTo(401);
        assertThat(get(server.metricsPort().orElseThrow(), "wrong").statusCode()).isEqualTo(401);
        server.close();

        server = ClassReflectServer.start(TestServers.settings(dataDir).with(Setting.METRICS_PORT, "0"),
                new ScriptedTranscriber(ScriptedTranscriber.SHORT_LESSON), false);
        assertThat(get(server.port(), null).statusCode()).isEqualTo(404);
        assertThat(get(server.metricsPort().orElseThrow(), null).statusCode()).isEqualTo(200);
    }

    /** Every series the shipped Grafana dashboard queries. */
    private static Set<String> metricsOfTheDashboard() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("../docs/grafana-dashboard.json").toFile());
        Set<String> names = new TreeSet<>();
        Pattern series = Pattern.compile("([a-z_]+)\\{");
        for (JsonNode expr : dashboard.get("panels").findValues("expr")) {
            Matcher m = series.matcher(expr.asText());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        assertThat(names).hasSizeGreaterThan(10);
        return names;
    }

    private PrometheusSamples scrape(int port) throws Exception {
        HttpResponse<String> r = get(port, TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return PrometheusSamples.parse(r.body());
    }

    private HttpResponse<String> get(int port, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
