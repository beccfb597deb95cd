package org.classreflect.adapters.audio.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.classreflect.core.metrics.LessonMeasurer;
import org.classreflect.core.metrics.Metric;
import org.classreflect.core.metrics.SampleSource;
import org.classreflect.core.metrics.Speaker;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.Utterance;
import org.classreflect.core.metrics.Utterances;
import org.classreflect.testfixtures.audio.AudioFixtures;
import org.junit.jupiter.api.Test;

/**
 * A speaker change inside one utterance: the synthetic lesson's turns laid out again with 1 s between them, except
 * that a student's answer follows the teacher's question after only 0.3 s, so the transcript joins the two into one
 * utterance. The estimate must cut it where the student starts.
 */
class SpeakerChangeTest {

    private static final double GAP = 1.0;
    private static final double SHORT_GAP = 0.3;
    /** The teacher's question "Where does the water in a puddle go ..." (turn 1), answered by student_a (turn 2). */
    private static final int QUESTION = 1;

    @Test
    void cutsTheUtteranceWhereTheStudentStartsAndMeasuresTheSplit() throws IOException {
        LessonTruth truth = LessonTruth.read();
        float[] lesson = AudioFixtures.samples(Wav.AUDIO.resolve("synthetic-lesson-water-cycle.wav"));
        List<float[]> parts = new ArrayList<>();
        List<Utterance> turns = new ArrayList<>();
        double at = 0;
        double answerStarts = Double.NaN;
        for (int i = 0; i < truth.utterances().size(); i++) {
            Utterance u = truth.utterances().get(i);
            at += i == QUESTION + 1 ? SHORT_GAP : GAP;
            if (i == QUESTION + 1) {
                answerStarts = at;
            }
            parts.add(new float[(int) Math.round((i == QUESTION + 1 ? SHORT_GAP : GAP) * SampleSource.SAMPLE_RATE)]);
            parts.add(Arrays.copyOfRange(lesson, (int) Math.round(u.start() * SampleSource.SAMPLE_RATE),
                    (int) Math.round(u.end() * SampleSource.SAMPLE_RATE)));
            turns.add(new Utterance(at, at + u.seconds(), u.text()));
            at += u.seconds();
        }
        List<Utterance> utterances = Utterances.join(turns);
        assertThat(utterances).hasSize(turns.size() - 1); // the question and its answer are one utterance

        SpeakerEstimate estimate = new AcousticSpeakerEstimator().estimate(utterances, chunks -> parts
                .forEach(chunks));

        List<Utterance> refined = estimate.refined();
        System.out.printf("cut at %s against %.3f; confidence %.2f%n", refined == null ? "nothing"
                : refined.get(QUESTION + 1).start(), answerStarts, estimate.confidence());
        assertThat(refined).hasSize(turns.size());
        assertThat(refined.get(QUESTION + 1).start()).isCloseTo(answerStarts - SHORT_GAP / 2, within(0.25));
        assertThat(estimate.speakers().subList(QUESTION, QUESTION + 2))
                .containsExactly(Speaker.TEACHER, Speaker.STUDENT);
        assertThat(refined.get(QUESTION).text()).endsWith("?");
        assertThat(refined.get(QUESTION + 1).text()).startsWith("It goes");
        double trueShare = 0;
        double total = 0;
        for (int i = 0; i < turns.size(); i++) {
            total += turns.get(i).seconds();
            trueShare += truth.speakers().get(i) == Speaker.TEACHER ? turns.get(i).seconds() : 0;
        }
        assertThat(new LessonMeasurer().measure(utterances, estimate).value(Metric.TEACHER_TALK_SHARE))
                .isCloseTo(trueShare / total, within(0.02));
    }
}
