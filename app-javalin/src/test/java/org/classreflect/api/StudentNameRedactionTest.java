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
    private AlphaSchool alpha;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(dataDir, new FakeTranscriber());
        alpha = AlphaSchool.create(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String importedTranscriptText() throws Exception {
        String id = alpha.teacher().uploadTranscript("lesson.srt", SRT, ApiClient.fields()).json().get("id").asText();
        return alpha.manager().get("/api/recordings/" + id + "/transcript").json().get("text").asText();
    }

    private String privacy() {
        return "/api/schools/" + alpha.schoolId() + "/privacy";
    }

    @Test
    void namesFromTheClassListAndTheLessonItselfAreReplacedOnceTheSchoolChoosesIt() throws Exception {
        assertThat(importedTranscriptText()).as("off by default").contains("Keisha", "Priya", "Tom");
        assertThat(alpha.teacher().put(privacy(), Map.of("redactStudentNames", true)).status()).isEqualTo(404);

        var saved = alpha.manager().put(privacy(), Map.of("redactStudentNames", true,
                "classList", List.of("Tom Baker"), "transcriptRetentionDays", 30));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(alpha.manager().get(privacy()).json().get("classList").get(0).asText()).isEqualTo("Tom Baker");

        assertThat(importedTranscriptText()).isEqualTo("Good morning, I am Tess Teacher. Thank you, Student A. "
                + "Student B, what do plants need? What do you think, Student C?");
        assertThat(alpha.admin().get("/api/access-log?action=change_settings").json().get("total").asInt())
                .isEqualTo(1);
        assertThat(alpha.manager().put(privacy(), Map.of("transcriptRetentionDays", 0)).status()).isEqualTo(400);
    }
}
