package org.classreflect.adapters.speech.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.classreflect.core.metrics.LessonMeasurer;
import org.classreflect.core.metrics.LessonMetrics;
import org.classreflect.core.metrics.QuestionKind;
import org.classreflect.core.metrics.Speaker;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.Utterance;
import org.junit.jupiter.api.Test;

class LessonScoreTest {

    private static final LessonTruth TRUTH = new LessonTruth(Path.of("lesson.wav"), List.of(
            new LessonTruth.Turn("teacher", 0, 5, "Is it red, or is it blue?", QuestionKind.CLOSED),
            new LessonTruth.Turn("s1", 6, 7, "Blue.", null),
            new LessonTruth.Turn("teacher", 8, 10, "Why do you think so?", QuestionKind.OPEN)));

    @Test
    void aQuestionCutInTwoByTheEngineIsFoundOnceAndItsSecondHalfIsInvented() {
        LessonMetrics metrics = measure(List.of(
                new Utterance(0, 2, "is it red"), new Utterance(3, 5, "is it blue"),
                new Utterance(6, 7, "blue"), new Utterance(8, 10, "why do you think so")));

        QuestionTally questions = LessonScore.of(TRUTH, metrics).questions();

        assertThat(questions.detected()).isEqualTo(3);
        assertThat(questions.truePositives()).isEqualTo(2);
        assertThat(questions.recall()).isEqualTo(1.0);
        assertThat(questions.precision()).isEqualTo(2.0 / 3);
    }

    @Test
    void eachQuestionAskedAndFoundOnceCountsOnce() {
        LessonMetrics metrics = measure(List.of(
                new Utterance(0, 5, "is it red or is it blue"), new Utterance(6, 7, "blue"),
                new Utterance(8, 10, "why do you think so")));

        QuestionTally questions = LessonScore.of(TRUTH, metrics).questions();

        assertThat(questions).isEqualTo(new QuestionTally(2, 2, 2, 2));
    }

    private static LessonMetrics measure(List<Utterance> utterances) {
        List<Speaker> speakers = utterances.stream()
                .map(u -> u.text().equals("blue") ? Speaker.STUDENT : Speaker.TEACHER).toList();
        return new LessonMeasurer().measure(utterances, new SpeakerEstimate(speakers, 1.0, "given"));
    }
}
