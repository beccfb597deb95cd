package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.api.ApiClient.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionOptions;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.testfixtures.fakes.ScriptedTranscriber;
import org.classreflect.testfixtures.servers.FakeChatServer;
import org.classreflect.sdk.config.Setting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a super admin changes on the system page reaches the next job and the next analysis: the Whisper model a job
 * is given, and the language model (provider, base URL, model) rubric feedback asks; the deployment's API key is
 * never shown, and never sent to a server the admin pointed rubric feedback at.
 */
class SystemSettingsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "system-test-kettle-orbit";
    private static final String API_KEY = "sk-deployment-secret";
    private static final String QUESTIONING = StarterTemplates.QUESTIONING_AND_WAIT_TIME.id();
    private static final String VALID_ANSWER = LessonAnalysisEndToEndTest.VALID_ANSWER;

    @TempDir
    Path dataDir;

    private final FakeChatServer chat = FakeChatServer.start();
    private final OptionsSeen engine = new OptionsSeen();
    private ClassReflectServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        chat.close();
    }

    @Test
    void theChosenWhisperModelAndLanguageModelTakeEffectForTheNextJobAndAnalysis() throws Exception {
        server = ClassReflectServer.start(TestServers.settings(dataDir)
                .with(Setting.RUBRIC_API_KEY, API_KEY)
                .with(Setting.RUBRIC_MAX_ATTEMPTS, "1")
                .with(Setting.RUBRIC_REQUEST_ATTEMPTS, "1"), engine, false);
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        ApiClient teacher = teacherOfARubricSchool(admin);

        ApiClient.Response initial = admin.get("/api/admin/system");
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.json().toString()).doesNotContain(API_KEY);
        JsonNode rubric = initial.json().get("rubric");
        assertThat(rubric.get("inForce").get("provider").asText()).isEqualTo("none");
        assertThat(rubric.get("apiKeyConfigured").asBoolean()).isTrue();
        assertThat(model(initial.json(), "tiny.en").get("availability").asText()).isEqualTo("not_installed");
        assertThat(initial.json().get("fixed").findValuesAsText("setting")).contains("CLASSREFLECT_ENGINE");

        ApiClient.Response notInstalled = admin.put("/api/admin/system", Map.of("transcriptionModel", "tiny.en"));
        assertThat(notInstalled.status()).isEqualTo(400);
        assertThat(notInstalled.json().get("message").asText()).contains("not installed");
        Path models = Files.createDirectories(dataDir.resolve("models"));
        Files.write(models.resolve("ggml-tiny.en.bin"), new byte[] {1});
        ApiClient.Response chosen = admin.put("/api/admin/system", Map.of("transcriptionModel", "tiny.en"));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(chosen.json().get("transcription").get("chosenModel").asText()).isEqualTo("tiny.en");

        JsonNode first = analysed(teacher);
        assertThat(engine.last.model()).as("the job was given the chosen model").isEqualTo("tiny.en");
        assertThat(first.get("rubric").isNull()).as("no language model yet").isTrue();
        assertThat(chat.requests()).isEmpty();

        Map<String, Object> openAi = new HashMap<>();
        openAi.put("transcriptionModel", null);
        openAi.put("rubric", Map.of("provider", "openai", "baseUrl", chat.uri() + "/v1", "model", "chosen-model"));
        ApiClient.Response switched = admin.put("/api/admin/system", openAi);
        assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
        assertThat(switched.json().get("rubric").get("inForce").get("model").asText()).isEqualTo("chosen-model");
        assertThat(switched.json().get("rubric").get("apiKeySent").asBoolean()).isFalse();

        chat.reply(FakeChatServer.Reply.openAiAnswer(VALID_ANSWER));
        JsonNode second = analysed(teacher);
        assertThat(engine.last.model()).as("back to the deployment's model").isNull();
        assertThat(second.get("rubric").get("criteria").get(0).get("score").asInt()).isEqualTo(80);
        assertThat(chat.requests()).hasSize(1);
        FakeChatServer.Request asked = chat.requests().get(0);
        assertThat(asked.json().get("model").asText()).isEqualTo("chosen-model");
        assertThat(asked.headers()).as("the deployment's key stays with the deployment's server")
                .doesNotContainKey("Authorization");

        ApiClient.Response off = admin.put("/api/admin/system", Map.of("rubric", Map.of("provider", "none")));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        JsonNode third = analysed(teacher);
        assertThat(third.get("rubric").isNull()).isTrue();
        assertThat(chat.requests()).as("no request once switched off").hasSize(1);
    }

    @Test
    void badValuesAreRefusedWithTheReasonAndNothingChanges() throws Exception {
        server = TestServers.start(dataDir, engine);
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);

        assertRefused(admin, Map.of("transcriptionModel", "huge"), "no model called huge");
        assertRefused(admin, Map.of("rubric", Map.of("provider", "gpt", "model", "x")), "none, openai or bedrock");
        assertRefused(admin, Map.of("rubric", Map.of("provider", "openai", "baseUrl", "ftp://models.example",
                "model", "x")), "http or https");
        assertRefused(admin, Map.of("rubric", Map.of("provider", "openai", "baseUrl", "https://api.example/v1")),
                "model name");
        assertRefused(admin, Map.of("rubric", Map.of("provider", "bedrock", "baseUrl", "https://x.example",
                "model", "m")), "Bedrock takes no base URL");
        assertRefused(admin, Map.of("rubric", Map.of("provider", "none", "model", "m")), "leave the base URL");

        JsonNode now = admin.get("/api/admin/system").json();
        assertThat(now.get("updatedAt").isNull()).isTrue();
        assertThat(now.get("rubric").get("chosen").isNull()).isTrue();
    }

    private static void assertRefused(ApiClient admin, Map<String, Object> body, String reason) throws Exception {
        ApiClient.Response r = admin.put("/api/admin/system", body);
        assertThat(r.status()).as(body.toString()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains(reason);
    }

    private static JsonNode model(JsonNode system, String name) {
        for (JsonNode m : system.get("transcription").get("models")) {
            if (m.get("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no model " + name);
    }

    private static ApiClient teacherOfARubricSchool(ApiClient admin) throws Exception {
        String school = admin.post("/api/schools", Map.of("name", "Rubric Primary")).json().get("id").asText();
        assertThat(admin.put("/api/schools/" + school + "/settings", Map.of("rubricEnabled", true)).status())
                .isEqualTo(200);
        assertThat(admin.post("/api/users", Map.of("email", "t@rubric.test", "displayName", "T", "role", "teacher",
                "schoolId", school, "password", PASSWORD)).status()).isEqualTo(201);
        return admin.as("t@rubric.test", PASSWORD);
    }

    /** Uploads a lesson with the questioning template and waits for its analysis to complete. */
    private static JsonNode analysed(ApiClient teacher) throws Exception {
        byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        ApiClient.Response r = teacher.upload("lesson.wav", audio, fields("templateId", QUESTIONING));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        String id = r.json().get("id").asText();
        return teacher.await("/api/recordings/" + id + "/analyses", j -> j.get("items").size() > 0
                && j.get("items").get(0).get("status").asText().equals("completed"), WAIT).get("items").get(0);
    }

    /** A short lesson in every file, noting the options each job was given. */
    private static final class OptionsSeen implements Transcriber {
        private final ScriptedTranscriber script = new ScriptedTranscriber(ScriptedTranscriber.SHORT_LESSON);
        private volatile TranscriptionOptions last;

        @Override
        public TranscriberStatus status() {
            return script.status();
        }

        @Override
        public Transcription transcribe(Path audio, TranscriptionProgress progress) {
            return transcribe(audio, TranscriptionOptions.DEFAULTS, progress);
        }

        @Override
        public Transcription transcribe(Path audio, TranscriptionOptions options, TranscriptionProgress progress) {
            last = options;
            return script.transcribe(audio, progress);
        }
    }
}
