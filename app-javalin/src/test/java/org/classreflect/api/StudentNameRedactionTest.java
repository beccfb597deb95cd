package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A school turns on student-name redaction: transcripts are stored with placeholders; the teacher's name stays. */
class StudentNameRedactionTest {

    private static final String SRT = """
            1
            00:00:01,000 --> 00:00:04,000
            Good morning, I am Tess Teacher. Thank you, Keisha.

            2
            00:00:05,000 --> 00:00:08,000
            Priya, what do plants need? What do you think, Tom?
            """;

    @TempDir
    Path dataDir;

    private ClassReflectServer server;
    private ApiClient admin;
    private ApiClient manager;
    private ApiClient teacher;
    private String schoolId;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(dataDir, new FakeTranscriber());
        AlphaSchool alpha = AlphaSchool.create(server);
        admin = alpha.admin();
        manager = alpha.manager();
        teacher = alpha.teacher();
        schoolId = alpha.schoolId();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String importedTranscriptText() throws Exception {
        String id = teacher.uploadTranscript("lesson.srt", SRT, ApiClient.fields()).json().get("id").asText();
        return manager.get("/api/recordings/" + id + "/transcript").json().get("text").asText();
    }

    @Test
    void namesFromTheClassListAndTheLessonItselfAreReplacedOnceTheSchoolChoosesIt() throws Exception {
        assertThat(importedTranscriptText()).as("off by default").contains("Keisha", "Priya", "Tom");
        assertThat(teacher.put("/api/schools/" + schoolId + "/privacy", Map.of("redactStudentNames", true))
                .status()).isEqualTo(404);

        var saved = manager.put("/api/schools/" + schoolId + "/privacy", Map.of("redactStudentNames", true,
                "classList", List.of("Tom Baker"), "transcriptRetentionDays", 30));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(manager.get("/api/schools/" + schoolId + "/privacy").json().get("classList").get(0).asText())
                .isEqualTo("Tom Baker");

        assertThat(importedTranscriptText()).isEqualTo("Good morning, I am Tess Teacher. Thank you, Student A. "
                + "Student B, what do plants need? What do you think, Student C?");
        assertThat(admin.get("/api/access-log?action=change_settings").json().get("total").asInt()).isEqualTo(1);
        assertThat(manager.put("/api/schools/" + schoolId + "/privacy", Map.of("transcriptRetentionDays", 0))
                .status()).isEqualTo(400);
    }
}
