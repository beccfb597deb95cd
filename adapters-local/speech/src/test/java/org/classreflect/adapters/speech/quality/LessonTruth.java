package org.classreflect.adapters.speech.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.metrics.QuestionKind;

/** A lesson's audio file and what was said in it: every turn with its speaker, times, words and question kind. */
record LessonTruth(Path wav, List<Turn> turns) {

    record Turn(String speaker, double start, double end, String text, QuestionKind question) {

        boolean isTeacher() {
            return speaker.equals("teacher");
        }

        double seconds() {
            return end - start;
        }
    }

    static LessonTruth read(Path truthFile, Path wav) throws IOException {
        JsonNode root = new ObjectMapper().readTree(truthFile.toFile());
        List<Turn> turns = new ArrayList<>();
        for (JsonNode u : root.get("utterances")) {
            JsonNode q = u.get("question");
            turns.add(new Turn(u.get("speaker").asText(), u.get("start").asDouble(), u.get("end").asDouble(),
                    u.get("text").asText(), q == null || q.isNull() ? null
                    : q.asText().equals("open") ? QuestionKind.OPEN : QuestionKind.CLOSED));
        }
        return new LessonTruth(wav, turns);
    }

    /**
     * The real clip: turns and words as pocketsphinx heard them, speakers from Picovoice's per-word tags (both in
     * adapters-local/audio src/test/resources/speaker). It has no teacher; the voice that speaks longest (speaker 3)
     * stands for one. No questions are asked in it.
     */
    static LessonTruth realClip(Path wav) {
        return new LessonTruth(wav, List.of(
                new Turn("s1", 1.890, 3.950, "i hope there is so", null),
                new Turn("s2", 5.990, 11.060,
                        "and this is why the crocodile sounds like it's like meditating in the water inside", null),
                new Turn("teacher", 12.840, 18.220,
                        "they do tend to learn these fossils seatbelts we're expecting some targets", null),
                new Turn("teacher", 18.760, 19.120, "okay", null)));
    }

    double teacherShare() {
        double teacher = turns.stream().filter(Turn::isTeacher).mapToDouble(Turn::seconds).sum();
        return teacher / turns.stream().mapToDouble(Turn::seconds).sum();
    }
}
