package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.api.ApiClient.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.testfixtures.fakes.ScriptedTranscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A transcript the client already has, uploaded in part "transcript" without audio, analysed like any lesson. */
class TranscriptImportTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String QUESTIONING = StarterTemplates.QUESTIONING_AND_WAIT_TIME.id();
    private static final String SRT = """
            1
            00:00:01,000 --> 00:00:03,000
            Good morning. Why does water evaporate from the sea?

            2
            00:00:06,000 --> 00:00:08,000
            Because the sun heats it.

            3
            00:00:09,000 --> 00:00:12,000
            Good. What happens to the vapour next?
            """;

    @TempDir
    Path dataDir;

    private ClassReflectServer server;
    private ApiClient teacher;

    @BeforeEach
    void start() throws Exception {
        server = ClassReflectServer.start(TestServers.settings(dataDir),
                new ScriptedTranscriber(ScriptedTranscriber.SHORT_LESSON), false);
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Alpha Primary")).json().get("id").asText();
        ApiClient.Response r = admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T",
                "role", "teacher", "schoolId", school, "password", "teacher-kettle-orbit-1"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        teacher = admin.as("t@alpha.test", "teacher-kettle-orbit-1");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anSrtWithoutAudioIsAcceptedReadableAndAnalysedWithMetrics() throws Exception {
        ApiClient.Response r = teacher.uploadTranscript("lesson.srt", SRT,
                fields("subject", "Science", "templateId", QUESTIONING));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().get("status").asText()).isEqualTo("completed");
        String id = r.json().get("id").asText();

        JsonNode transcript = teacher.get("/api/recordings/" + id + "/transcript").json();
        assertThat(transcript.get("segments")).hasSize(3);
        assertThat(transcript.get("text").asText()).startsWith("Good morning. Why does water evaporate");

        JsonNode analyses = teacher.await("/api/recordings/" + id + "/analyses",
                j -> j.get("items").size() == 1 && j.get("items").get(0).get("status").asText().equals("completed"),
                WAIT).get("items");
        assertThat(analyses.get(0).get("templateId").asText()).isEqualTo(QUESTIONING);
        JsonNode metrics = teacher.get("/api/recordings/" + id + "/metrics").json().get("metrics");
        JsonNode questions = null;
        for (JsonNode m : metrics) {
            questions = m.get("metric").asText().equals("QUESTION_COUNT") ? m : questions;
        }
        assertThat(questions).as("metrics: %s", metrics).isNotNull();
        assertThat(questions.get("value").asDouble()).isEqualTo(2.0);
        assertThat(teacher.get("/api/recordings/" + id + "/audio").status()).isEqualTo(404);
    }

    @Test
    void theJsonExportWithSpeakersCanBeImportedAndKeepsItsLabels() throws Exception {
        String json = """
                {"recordingId": "elsewhere", "engine": "whisper", "segments": [
                  {"start": 0.0, "end": 2.0, "text": "Who can tell me why?", "confidence": null, "speaker": "Ms Smith"},
                  {"start": 2.5, "end": 3.5, "text": "Because of the sun.", "speaker": "Pupil"}],
                 "words": []}""";
        ApiClient.Response r = teacher.uploadTranscript("lesson.json", json, fields("templateId", QUESTIONING));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        String id = r.json().get("id").asText();
        JsonNode segments = teacher.get("/api/recordings/" + id + "/transcript").json().get("segments");
        assertThat(segments.findValuesAsText("speaker")).containsExactly("Ms Smith", "Pupil");
        assertThat(teacher.getText("/api/recordings/" + id + "/transcript?format=json").body())
                .contains("\"speaker\": \"Pupil\"");
        teacher.await("/api/recordings/" + id + "/analyses",
                j -> j.get("items").size() == 1 && j.get("items").get(0).get("status").asText().equals("completed"),
                WAIT);
    }

    @Test
    void anOverlappingSrtIsRefusedAndLeavesNoRecording() throws Exception {
        ApiClient.Response r = teacher.uploadTranscript("bad.srt", SRT.replace("00:00:06,000", "00:00:02,000"),
                fields("templateId", QUESTIONING));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().toString()).contains("overlap");
        assertThat(teacher.get("/api/recordings").json().get("items")).isEmpty();

        ApiClient.Response unknown = teacher.uploadTranscript("notes.txt", "just some notes", Map.of());
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(teacher.get("/api/recordings").json().get("items")).isEmpty();
    }
}
