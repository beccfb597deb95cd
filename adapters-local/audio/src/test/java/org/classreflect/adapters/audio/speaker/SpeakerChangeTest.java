package org.classreflect.adapters.audio.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
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
 * Speaker changes inside one utterance: the synthetic lesson's turns laid out again with 1 s between them, except
 * that some follow the turn before after only 0.3 s, so the transcript joins them into one utterance. The estimate
 * must cut it where the speaker changes.
 */
class SpeakerChangeTest {

    private static final double GAP = 1.0;
    private static final double SHORT_GAP = 0.3;
    /** The teacher's question "Where does the water in a puddle go ..." (turn 1), answered by student_a (turn 2). */
    private static final int QUESTION = 1;

    @Test
    void cutsTheUtteranceWhereTheStudentStartsAndMeasuresTheSplit() throws IOException {
        LessonTruth truth = LessonTruth.read();
        LaidOut laidOut = layOut(truth, Set.of(QUESTION + 1));
        List<float[]> parts = laidOut.parts();
        List<Utterance> turns = laidOut.turns();
        double answerStarts = turns.get(QUESTION + 1).start();
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

    /** student_a's answer (turn 2, 2.6 s) between the teacher's question and her praise; student_a speaks again later. */
    @Test
    void cutsOutAStudentBetweenTwoStretchesOfTheTeacher() throws IOException {
        LessonTruth truth = LessonTruth.read();
        LaidOut laidOut = layOut(truth, Set.of(QUESTION + 1, QUESTION + 2));
        List<Utterance> utterances = Utterances.join(laidOut.turns());
        assertThat(utterances).hasSize(laidOut.turns().size() - 2); // teacher, student, teacher in one utterance

        SpeakerEstimate estimate = new AcousticSpeakerEstimator().estimate(utterances, chunks -> laidOut.parts()
                .forEach(chunks));

        assertThat(estimate.refined()).hasSize(laidOut.turns().size());
        assertThat(estimate.speakers().subList(QUESTION, QUESTION + 3))
                .containsExactly(Speaker.TEACHER, Speaker.STUDENT, Speaker.TEACHER);
        assertThat(estimate.refined().get(QUESTION + 1).start())
                .isCloseTo(laidOut.turns().get(QUESTION + 1).start() - SHORT_GAP / 2, within(0.25));
        assertThat(estimate.refined().get(QUESTION + 2).start())
                .isCloseTo(laidOut.turns().get(QUESTION + 2).start() - SHORT_GAP / 2, within(0.25));
    }

    /**
     * student_a's two answers (turns 2 and 10) both inside one teacher utterance, her voice heard nowhere else: far
     * from the teacher's and long enough, it is still a student, not the teacher's change of tone.
     */
    @Test
    void keepsAStudentHeardOnlyInsideOneTeacherUtterance() throws IOException {
        LessonTruth truth = LessonTruth.read();
        List<Integer> order = List.of(0, 1, 2, 3, 9, 10, 11, 4, 5, 6, 7, 8, 12, 13, 14, 15, 16);
        LaidOut laidOut = layOut(truth, order, Set.of(2, 3, 9, 10, 11));
        List<Utterance> utterances = Utterances.join(laidOut.turns());
        assertThat(utterances).hasSize(order.size() - 5); // turns 1, 2, 3, 9, 10, 11 are one utterance

        SpeakerEstimate estimate = new AcousticSpeakerEstimator().estimate(utterances, chunks -> laidOut.parts()
                .forEach(chunks));

        assertThat(estimate.refined()).isNotNull(); // the utterance was cut
        double right = 0;
        double heard = 0;
        for (int k = 1; k < 7; k++) { // the long utterance's turns, teacher's and student_a's
            Utterance turn = laidOut.turns().get(k);
            for (int r = 0; r < estimate.refined().size(); r++) {
                Utterance part = estimate.refined().get(r);
                double overlap = Math.max(0, Math.min(turn.end(), part.end()) - Math.max(turn.start(), part.start()));
                heard += overlap;
                right += estimate.speakers().get(r) == truth.speakers().get(order.get(k)) ? overlap : 0;
            }
        }
        assertThat(right / heard).isGreaterThanOrEqualTo(0.95);
    }

    private record LaidOut(List<float[]> parts, List<Utterance> turns) {
    }

    private static LaidOut layOut(LessonTruth truth, Set<Integer> close) throws IOException {
        return layOut(truth, IntStream.range(0, truth.utterances().size()).boxed().toList(), close);
    }

    /**
     * The lesson's turns in the given order, with {@link #GAP} of silence before each, {@link #SHORT_GAP} before the
     * turns numbered in {@code close}.
     */
    private static LaidOut layOut(LessonTruth truth, List<Integer> order, Set<Integer> close) throws IOException {
        float[] lesson = AudioFixtures.samples(Wav.AUDIO.resolve("synthetic-lesson-water-cycle.wav"));
        List<float[]> parts = new ArrayList<>();
        List<Utterance> turns = new ArrayList<>();
        double at = 0;
        for (int i : order) {
            Utterance u = truth.utterances().get(i);
            double gap = close.contains(i) ? SHORT_GAP : GAP;
            at += gap;
            parts.add(new float[(int) Math.round(gap * SampleSource.SAMPLE_RATE)]);
            parts.add(Arrays.copyOfRange(lesson, (int) Math.round(u.start() * SampleSource.SAMPLE_RATE),
                    (int) Math.round(u.end() * SampleSource.SAMPLE_RATE)));
            turns.add(new Utterance(at, at + u.seconds(), u.text()));
            at += u.seconds();
        }
        return new LaidOut(parts, turns);
    }
}
