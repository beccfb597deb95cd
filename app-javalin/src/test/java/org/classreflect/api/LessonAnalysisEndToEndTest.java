package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.classreflect.api.ApiClient.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.core.template.Template;
import org.classreflect.testfixtures.fakes.ScriptedTranscriber;
import org.classreflect.testfixtures.servers.FakeChatServer;
import org.classreflect.sdk.config.Setting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload with a template, the analysis stage after the transcript, and what each role reads back, over HTTP. */
class LessonAnalysisEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "teacher-kettle-orbit-1";
    private static final String QUESTIONING = StarterTemplates.QUESTIONING_AND_WAIT_TIME.id();
    /** A rubric answer that passes validation for the questioning template on the scripted lesson. */
    static final String VALID_ANSWER = """
            {"criteria": [{"name": "Quality of questioning", "score": 80,
              "feedback": "The questions ask students to explain causes.",
              "evidence": [{"quote": "Why does water evaporate from the sea", "at": "00:00:04"}],
              "next_step": "Follow an answer with 'why do you think so?'."}],
             "strengths": ["Open questions"], "improvements": ["Wait a little longer"]}""";

    @TempDir
    Path dataDir;

    private final FakeChatServer chat = FakeChatServer.start();
    private ClassReflectServer server;
    private ApiClient admin;
    private String school;
    private ApiClient teacher;
    private ApiClient manager;
    private String teacherId;

    private void start() throws Exception {
        start(new ScriptedTranscriber(ScriptedTranscriber.SHORT_LESSON));
    }

    private void start(ScriptedTranscriber transcriber) throws Exception {
        server = ClassReflectServer.start(TestServers.settings(dataDir)
                .with(Setting.RUBRIC_PROVIDER, "openai")
                .with(Setting.RUBRIC_BASE_URL, chat.uri() + "/v1")
                .with(Setting.RUBRIC_MODEL, "test-model")
                .with(Setting.RUBRIC_MAX_ATTEMPTS, "1")
                .with(Setting.RUBRIC_REQUEST_ATTEMPTS, "1"),
                transcriber, false);
        admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        school = admin.post("/api/schools", Map.of("name", "Alpha Primary")).json().get("id").asText();
        teacher = user("t@alpha.test", "teacher");
        teacherId = teacher.get("/api/me").json().path("id").asText();
        manager = user("m@alpha.test", "school_manager");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        chat.close();
    }

    private ApiClient user(String email, String role) throws Exception {
        ApiClient.Response r = admin.post("/api/users", Map.of("email", email, "displayName", email,
                "role", role, "schoolId", school, "password", PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return admin.as(email, PASSWORD);
    }

    private String upload(ApiClient as, Map<String, String> form) throws Exception {
        byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        ApiClient.Response r = as.upload("lesson.wav", audio, form);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().get("id").asText();
    }

    private JsonNode awaitAnalyses(ApiClient as, String recordingId, String status) throws Exception {
        return as.await("/api/recordings/" + recordingId + "/analyses",
                j -> j.get("items").size() > 0 && j.get("items").findValuesAsText("status").stream()
                        .allMatch(status::equals), WAIT).get("items");
    }

    @Test
    void anUploadWithATemplateIsAnalysedAfterItsTranscriptAndShowsInTheTeachersProgress() throws Exception {
        start();
        String recording = upload(teacher, fields("subject", "Science", "grade", "7", "templateId", QUESTIONING));

        JsonNode analysis = awaitAnalyses(teacher, recording, "completed").get(0);
        assertThat(analysis.get("templateId").asText()).isEqualTo(QUESTIONING);
        assertThat(analysis.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(analysis.get("rubric").isNull()).as("rubric feedback is off for the school").isTrue();
        assertThat(analysis.get("criteria").findValuesAsText("criterion")).contains("Open questions");
        assertThat(analysis.get("overallScore").isNumber()).isTrue();
        JsonNode quality = analysis.get("quality");
        assertThat(quality.get("engine").asText()).isEqualTo("scripted");
        assertThat(quality.get("model").asText()).isEqualTo("scripted-1");
        assertThat(quality.get("meanWordConfidence").isNull()).as("the engine gives no word confidence").isTrue();
        assertThat(quality.get("lowConfidence").asBoolean()).isFalse();
        assertThat(quality.get("lowConfidenceReason").isNull()).isTrue();

        JsonNode measured = teacher.get("/api/recordings/" + recording + "/metrics").json();
        JsonNode metrics = measured.get("metrics");
        JsonNode windows = measured.get("speakingRateByWindow");
        assertThat(windows).as("a 25-second lesson fits one 5-minute window").hasSize(1);
        assertThat(windows.get(0).get("start").asDouble()).isZero();
        assertThat(windows.get(0).get("wordsPerMinute").asDouble())
                .isCloseTo(metric(metrics, "SPEAKING_RATE_WPM").get("value").asDouble(), within(1e-9));
        assertThat(analysis.get("speakingRateByWindow")).isEqualTo(windows);
        JsonNode questions = metric(metrics, "QUESTION_COUNT");
        assertThat(questions.get("value").asDouble()).isEqualTo(3.0);
        assertThat(questions.get("evidence").get(0).get("start").asDouble()).isEqualTo(4.0);
        assertThat(metric(metrics, "OPEN_QUESTION_COUNT").get("value").asDouble()).isEqualTo(2.0);
        assertThat(questions.get("restsOn")).extracting(JsonNode::asText).containsExactly("WORD_CONFIDENCE");
        assertThat(metric(metrics, "LONGEST_PAUSE_SECONDS").get("restsOn")).isEmpty();

        JsonNode progress = teacher.get("/api/teachers/" + teacherId + "/progress").json();
        assertThat(progress.get("lessons").asInt()).isEqualTo(1);
        assertThat(progress.get("criteria").findValuesAsText("name")).contains("Open questions");
        assertThat(progress.get("metrics").findValuesAsText("name")).contains("WAIT_TIME_MEAN_SECONDS");
        assertThat(progress.get("metrics").get(0).get("monthly").size()).isEqualTo(1);

        JsonNode summary = manager.get("/api/schools/" + school + "/summary").json();
        assertThat(summary.get("analyses").asInt()).isEqualTo(1);
        assertThat(summary.get("templateUse").get(QUESTIONING).asInt()).isEqualTo(1);
        assertThat(teacher.get("/api/schools/" + school + "/summary").status()).isEqualTo(403);
    }

    @Test
    void aRubricSchoolGetsTheModelsFeedbackAndAFailedAnswerFailsOnlyTheAnalysisWhichCanBeRetried()
            throws Exception {
        start();
        assertThat(manager.put("/api/schools/" + school + "/settings", Map.of("rubricEnabled", true)).status())
                .isEqualTo(200);
        chat.reply(FakeChatServer.Reply.openAiAnswer(VALID_ANSWER));
        String good = upload(teacher, fields("templateId", QUESTIONING));
        JsonNode judged = awaitAnalyses(teacher, good, "completed").get(0);
        assertThat(judged.get("rubric").get("criteria").get(0).get("score").asInt()).isEqualTo(80);
        assertThat(judged.get("rubric").get("criteria").get(0).get("nextStep").asText()).contains("why");

        chat.reply(FakeChatServer.Reply.openAiAnswer("I think the lesson was fine."));
        String bad = upload(teacher, fields("templateId", QUESTIONING));
        JsonNode failed = awaitAnalyses(teacher, bad, "failed").get(0);
        assertThat(failed.get("error").asText()).contains("no valid answer");
        assertThat(teacher.get("/api/recordings/" + bad).json().get("status").asText()).isEqualTo("completed");
        assertThat(teacher.get("/api/recordings/" + bad + "/transcript").status()).isEqualTo(200);

        chat.reply(FakeChatServer.Reply.openAiAnswer(VALID_ANSWER));
        ApiClient.Response retried = teacher.post("/api/recordings/" + bad + "/analyses/"
                + failed.get("id").asText() + "/retry", Map.of());
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        JsonNode again = awaitAnalyses(teacher, bad, "completed");
        assertThat(again).hasSize(1);
        assertThat(again.get(0).get("rubric").get("criteria").get(0).get("score").asInt()).isEqualTo(80);
    }

    @Test
    void aLessonHeardWithUnsureWordsIsALowConfidenceAnalysisThatSaysWhyAndIsNotSentToTheModel() throws Exception {
        start(ScriptedTranscriber.withWordConfidence(ScriptedTranscriber.SHORT_LESSON, 0.3));
        assertThat(manager.put("/api/schools/" + school + "/settings", Map.of("rubricEnabled", true)).status())
                .isEqualTo(200);
        chat.reply(FakeChatServer.Reply.openAiAnswer(VALID_ANSWER));
        String recording = upload(teacher, fields("templateId", QUESTIONING));

        JsonNode analysis = awaitAnalyses(teacher, recording, "completed").get(0);
        JsonNode quality = analysis.get("quality");
        assertThat(quality.get("meanWordConfidence").asDouble()).isCloseTo(0.3, within(1e-9));
        assertThat(quality.get("lowConfidenceWordShare").asDouble()).isEqualTo(1.0);
        assertThat(quality.get("lowConfidence").asBoolean()).isTrue();
        assertThat(quality.get("lowConfidenceReason").asText()).contains("0.30").contains("no language model");
        assertThat(analysis.get("rubric").isNull()).isTrue();
        assertThat(chat.requests()).as("the model was not asked").isEmpty();
        JsonNode metrics = teacher.get("/api/recordings/" + recording + "/metrics").json().get("metrics");
        assertThat(metric(metrics, "QUESTION_COUNT").get("value").asDouble())
                .as("what was measured is still served").isEqualTo(3.0);
    }

    @Test
    void anyTemplateCanBeAppliedLaterAndAnInvalidTemplateIsRefusedWithTheReason() throws Exception {
        start();
        assertThat(manager.put("/api/schools/" + school + "/settings", Map.of("defaultTemplateId", "")).status())
                .as("no default template: the upload is not analysed").isEqualTo(200);
        String recording = upload(teacher, fields());
        teacher.await("/api/recordings/" + recording, j -> j.get("status").asText().equals("completed"), WAIT);
        assertThat(teacher.get("/api/recordings/" + recording + "/analyses").json().get("items")).isEmpty();

        ApiClient.Response badWeights = manager.post("/api/templates", Map.of("name", "Ours", "criteria", List.of(
                Map.of("name", "Questions", "weight", 60, "metric", "QUESTION_COUNT", "min", 2, "curve", "step"),
                Map.of("name", "Tone", "weight", 30, "judged", "Warm and clear"))));
        assertThat(badWeights.status()).isEqualTo(400);
        assertThat(badWeights.json().get("message").asText()).contains("must add up to 100, not 90");
        assertThat(teacher.post("/api/templates", Map.of("name", "Mine")).status()).isEqualTo(403);

        ApiClient.Response created = manager.post("/api/templates", Map.of("name", "Ours", "criteria", List.of(
                Map.of("name", "Questions", "weight", 70, "metric", "QUESTION_COUNT", "min", 5, "curve", "linear",
                        "falloff", 5),
                Map.of("name", "Praise", "weight", 30, "metric", "PRAISE_COUNT", "min", 1, "curve", "step"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String ours = created.json().get("id").asText();

        assertThat(teacher.post("/api/recordings/" + recording + "/analyses", Map.of("templateId", ours)).status())
                .isEqualTo(202);
        JsonNode done = awaitAnalyses(teacher, recording, "completed").get(0);
        // 3 questions against at least 5, linear over 5: 60; praise present: 100
        assertThat(done.get("overallScore").asDouble()).isCloseTo(0.7 * 60 + 0.3 * 100, within(1e-6));

        ApiClient.Response edited = manager.put("/api/templates/" + ours, Map.of("name", "Ours v2", "criteria",
                List.of(Map.of("name", "Questions", "weight", 100, "metric", "QUESTION_COUNT", "min", 1,
                        "curve", "step"))));
        assertThat(edited.json().get("version").asInt()).isEqualTo(2);
        JsonNode history = teacher.get("/api/recordings/" + recording + "/analyses").json().get("items").get(0);
        assertThat(history.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(history.get("overallScore").asDouble()).isEqualTo(done.get("overallScore").asDouble());
        assertThat(teacher.get("/api/templates").json().get("items").findValuesAsText("id"))
                .contains(ours, QUESTIONING);
    }

    @Test
    void aPlainUploadIsAnalysedWithTheStarterTemplateUntilTheSchoolChoosesADefault() throws Exception {
        start();
        String recording = upload(teacher, fields());

        JsonNode analyses = awaitAnalyses(teacher, recording, "completed");

        assertThat(analyses).hasSize(1);
        assertThat(analyses.get(0).get("templateId").asText()).isEqualTo(QUESTIONING);
        // a criterion that could not be scored (judged, with written feedback off) has no verdict
        assertThat(analyses.get(0).get("criteria").findValuesAsText("verdict")).hasSize(4)
                .allMatch(v -> List.of("meets", "approaching", "not_yet", "null").contains(v))
                .contains("null");
        assertThat(manager.get("/api/schools/" + school + "/settings").json().get("defaultTemplateId").asText())
                .isEqualTo(QUESTIONING);
    }

    @Test
    void superAdminsSeeEveryTemplateAndMayFilterBySchoolWhileOthersSeeTheirSchoolsAndTheGlobalOnes()
            throws Exception {
        start();
        String other = admin.post("/api/schools", Map.of("name", "Beta Academy")).json().get("id").asText();
        assertThat(admin.post("/api/users", Map.of("email", "m@beta.test", "displayName", "M", "role",
                "school_manager", "schoolId", other, "password", PASSWORD)).status()).isEqualTo(201);
        ApiClient otherManager = admin.as("m@beta.test", PASSWORD);
        Map<String, Object> criteria = Map.of("name", "Praise", "weight", 100, "metric", "PRAISE_COUNT", "min", 1,
                "curve", "step");
        String ours = manager.post("/api/templates", Map.of("name", "Alpha's", "criteria", List.of(criteria)))
                .json().get("id").asText();
        String theirs = otherManager.post("/api/templates", Map.of("name", "Beta's", "criteria",
                List.of(criteria))).json().get("id").asText();
        List<String> starters = StarterTemplates.ALL.stream().map(Template::id).toList();

        JsonNode all = admin.get("/api/templates").json().get("items");
        assertThat(all.findValuesAsText("id")).containsAll(starters).contains(ours, theirs);
        for (JsonNode t : all) {
            String expectedSchool = t.get("id").asText().equals(ours) ? school
                    : t.get("id").asText().equals(theirs) ? other : null;
            assertThat(t.get("schoolId").isNull() ? null : t.get("schoolId").asText()).isEqualTo(expectedSchool);
        }
        assertThat(admin.get("/api/templates?schoolId=" + other).json().get("items").findValuesAsText("id"))
                .containsExactlyInAnyOrderElementsOf(concat(starters, theirs));
        for (ApiClient alpha : List.of(manager, teacher)) {
            assertThat(alpha.get("/api/templates").json().get("items").findValuesAsText("id"))
                    .containsExactlyInAnyOrderElementsOf(concat(starters, ours));
            assertThat(alpha.get("/api/templates?schoolId=" + other).json().get("items").findValuesAsText("id"))
                    .as("another school's templates stay hidden").doesNotContain(theirs);
        }
    }

    private static List<String> concat(List<String> ids, String id) {
        List<String> all = new ArrayList<>(ids);
        all.add(id);
        return all;
    }

    @Test
    void aSchoolThatHidesScoresSendsTeachersNoScoreAtAll() throws Exception {
        start();
        String recording = upload(teacher, fields("templateId", QUESTIONING));
        awaitAnalyses(teacher, recording, "completed");
        assertThat(manager.put("/api/schools/" + school + "/settings", Map.of("hideScoresFromTeachers", true))
                .json().get("hideScoresFromTeachers").asBoolean()).isTrue();

        JsonNode seenByTeacher = teacher.get("/api/recordings/" + recording + "/analyses").json();
        JsonNode progressOfTeacher = teacher.get("/api/teachers/" + teacherId + "/progress").json();
        for (JsonNode json : List.of(seenByTeacher, progressOfTeacher)) {
            assertThat(fieldNames(json)).noneMatch(name -> name.toLowerCase().contains("score"))
                    .as("nothing from which a criterion's score could be computed back")
                    .doesNotContain("measuredValue", "weight");
        }
        assertThat(progressOfTeacher.get("criteria")).isEmpty();
        assertThat(progressOfTeacher.get("metrics")).isNotEmpty();

        JsonNode seenByManager = manager.get("/api/recordings/" + recording + "/analyses").json();
        assertThat(fieldNames(seenByManager)).contains("overallScore", "score");
        assertThat(manager.get("/api/teachers/" + teacherId + "/progress").json().get("criteria")).isNotEmpty();
    }

    private static JsonNode metric(JsonNode metrics, String name) {
        for (JsonNode m : metrics) {
            if (m.get("metric").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no metric " + name + " in " + metrics);
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
