package org.classreflect.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.classreflect.core.metrics.Lessons.PLANTS;
import static org.classreflect.core.metrics.Lessons.PLANTS_SPEAKERS;

import java.util.Collections;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LessonMeasurerTest {

    private static final Offset<Double> EXACT = within(1e-9);

    private final LessonMeasurer measurer = new LessonMeasurer();

    @Test
    void measuresSpeechSilenceAndRate() {
        LessonMetrics m = measurer.measure(PLANTS, Lessons.confident(PLANTS_SPEAKERS));

        assertThat(m.value(Metric.SPEAKING_SECONDS)).isCloseTo(26.0, EXACT);
        assertThat(m.value(Metric.SILENCE_SHARE)).isCloseTo(7.5 / 33.5, EXACT);
        assertThat(m.value(Metric.SPEAKING_RATE_WPM)).isCloseTo(37 / (26.0 / 60), EXACT);
        assertThat(m.get(Metric.SPEAKING_SECONDS).evidence()).hasSize(6);
        assertThat(m.get(Metric.SPEAKING_SECONDS).basis()).isEqualTo(Basis.TRANSCRIPT);
        assertThat(m.speakingRateByWindow()).singleElement().satisfies(w -> {
            assertThat(w.words()).isCloseTo(37, EXACT);
            assertThat(w.speakingSeconds()).isCloseTo(26, EXACT);
        });
    }

    @Test
    void measuresPausesWithTheirPlaceInTheLesson() {
        LessonMetrics m = measurer.measure(PLANTS, Lessons.confident(PLANTS_SPEAKERS));

        // pauses: 1.0, 4.0, 0.5, 1.5, 0.5
        assertThat(m.value(Metric.PAUSE_MEAN_SECONDS)).isCloseTo(1.5, EXACT);
        assertThat(m.value(Metric.PAUSE_MEDIAN_SECONDS)).isCloseTo(1.0, EXACT);
        assertThat(m.value(Metric.PAUSE_P90_SECONDS)).isCloseTo(3.0, EXACT);
        assertThat(m.value(Metric.LONG_PAUSE_COUNT)).isEqualTo(1.0);
        assertThat(m.value(Metric.LONGEST_PAUSE_SECONDS)).isCloseTo(4.0, EXACT);
        assertThat(m.get(Metric.LONGEST_PAUSE_SECONDS).evidence())
                .containsExactly(new Excerpt(14.0, 18.0, "pause after: What do plants need to grow?"));
        assertThat(m.get(Metric.PAUSE_MEAN_SECONDS).evidence()).hasSize(5);
        assertThat(m.get(Metric.PAUSE_MEAN_SECONDS).note()).isEqualTo("5 pauses between utterances");
    }

    @Test
    void aPauseNoteSaysThereIsNoPauseOnlyWhenThereIsNone() {
        LessonMetrics one = measurer.measure(List.of(new Utterance(0, 2, "Good morning"),
                new Utterance(2, 4, "everyone")), SpeakerEstimate.unknown(2));
        LessonMetrics two = measurer.measure(List.of(new Utterance(0, 2, "Good morning"),
                new Utterance(3, 4, "everyone"), new Utterance(6, 7, "sit down")), SpeakerEstimate.unknown(3));

        assertThat(one.value(Metric.PAUSE_MEAN_SECONDS)).isNull();
        assertThat(one.get(Metric.PAUSE_MEAN_SECONDS).note()).isEqualTo("no pause between utterances");
        assertThat(two.value(Metric.PAUSE_MEAN_SECONDS)).isCloseTo(1.5, EXACT);
        assertThat(two.get(Metric.PAUSE_MEAN_SECONDS).note()).isEqualTo("2 pauses between utterances");
        assertThat(two.get(Metric.LONGEST_PAUSE_SECONDS).note()).isEqualTo("2 pauses between utterances");
    }

    @Test
    void countsTheTeachersQuestionsAndTheirWaitTimeWhenSpeakersAreKnown() {
        LessonMetrics m = measurer.measure(PLANTS, Lessons.confident(PLANTS_SPEAKERS));

        assertThat(m.value(Metric.QUESTION_COUNT)).isEqualTo(3.0);
        assertThat(m.value(Metric.QUESTIONS_PER_MINUTE)).isCloseTo(3 / (33.5 / 60), EXACT);
        assertThat(m.value(Metric.OPEN_QUESTION_COUNT)).isEqualTo(1.0);
        assertThat(m.value(Metric.CLOSED_QUESTION_COUNT)).isEqualTo(2.0);
        assertThat(m.value(Metric.OPEN_QUESTION_SHARE)).isCloseTo(1 / 3.0, EXACT);
        // the last question has no answer after it, so only 4.0 and 1.5 count
        assertThat(m.value(Metric.WAIT_TIME_MEAN_SECONDS)).isCloseTo(2.75, EXACT);
        assertThat(m.get(Metric.WAIT_TIME_MEAN_SECONDS).evidence()).containsExactly(
                new Excerpt(11.0, 18.0, "What do plants need to grow?"),
                new Excerpt(20.5, 26.0, "Is sunlight a kind of energy?"));
        assertThat(m.get(Metric.WAIT_TIME_MEAN_SECONDS).basis()).isEqualTo(Basis.SPEAKERS);
        assertThat(m.get(Metric.WAIT_TIME_MEAN_SECONDS).confidence()).isEqualTo(0.9);
        assertThat(m.questions()).extracting(AskedQuestion::askedBy)
                .containsExactly(Speaker.TEACHER, Speaker.STUDENT, Speaker.TEACHER, Speaker.TEACHER);
    }

    @Test
    void countsNoQuestionTheEngineWasUnsureOfUnlessTheVoiceRose() {
        List<Utterance> heard = List.of(new Utterance(0, 2, "will we fully on the rocks", 0.3),
                new Utterance(3, 5, "do you see the rocks", 0.9));

        LessonMetrics flat = measurer.measure(heard, SpeakerEstimate.unknown(2));
        LessonMetrics rising = measurer.measure(heard, new SpeakerEstimate(Collections.nCopies(2, Speaker.TEACHER),
                0, "none", List.of(QuestionDetector.RISE_SEMITONES + 0.5, Double.NaN), null));

        assertThat(flat.questions()).singleElement()
                .satisfies(q -> assertThat(q.question()).isEqualTo("do you see the rocks"));
        assertThat(rising.value(Metric.QUESTION_COUNT)).isEqualTo(2.0);
    }

    @Test
    void measuresMonologuePhrasesAndTalkSharesWithSpeakers() {
        LessonMetrics m = measurer.measure(PLANTS, Lessons.confident(PLANTS_SPEAKERS));

        assertThat(m.value(Metric.LONGEST_MONOLOGUE_SECONDS)).isCloseTo(14.0, EXACT);
        assertThat(m.get(Metric.LONGEST_MONOLOGUE_SECONDS).evidence().get(0).text())
                .startsWith("Good morning").endsWith("need to grow?");
        assertThat(m.value(Metric.FILLERS_PER_100_WORDS)).isCloseTo(100.0 / 33, EXACT);
        assertThat(m.value(Metric.PRAISE_COUNT)).isEqualTo(2.0);
        assertThat(m.get(Metric.PRAISE_COUNT).evidence()).extracting(Excerpt::start).containsExactly(20.5);
        assertThat(m.value(Metric.CHECK_FOR_UNDERSTANDING_COUNT)).isEqualTo(1.0);
        assertThat(m.value(Metric.TEACHER_TALK_SHARE)).isCloseTo(23.0 / 26, EXACT);
        assertThat(m.value(Metric.STUDENT_TALK_SHARE)).isCloseTo(3.0 / 26, EXACT);
        assertThat(m.get(Metric.STUDENT_TALK_SHARE).evidence()).extracting(Excerpt::text)
                .containsExactly("Water and sunlight?", "Yes.");
    }

    @Test
    void countsSpeechTheTranscriptMissedInTheTalkShares() {
        SpeakerEstimate heard = new SpeakerEstimate(PLANTS_SPEAKERS, 0.9, "hand-labelled",
                Collections.nCopies(PLANTS_SPEAKERS.size(), Double.NaN), null, null,
                List.of(new UntranscribedSpeech(40, 43, Speaker.STUDENT), new UntranscribedSpeech(50, 51,
                        Speaker.TEACHER)));

        LessonMetrics m = measurer.measure(PLANTS, heard);

        assertThat(m.value(Metric.TEACHER_TALK_SHARE)).isCloseTo(24.0 / 30, EXACT);
        assertThat(m.value(Metric.STUDENT_TALK_SHARE)).isCloseTo(6.0 / 30, EXACT);
        assertThat(m.get(Metric.TEACHER_TALK_SHARE).note()).contains("4.0 s of speech heard that the transcript missed");
    }

    @Test
    void fallsBackToSpeakerFreeDefinitionsWhenSpeakersAreUncertain() {
        LessonMetrics m = measurer.measure(PLANTS, Lessons.unsure(PLANTS_SPEAKERS));

        assertThat(m.value(Metric.QUESTION_COUNT)).isEqualTo(4.0);
        assertThat(m.value(Metric.WAIT_TIME_MEAN_SECONDS)).isCloseTo((4.0 + 0.5 + 1.5) / 3, EXACT);
        assertThat(m.value(Metric.LONGEST_MONOLOGUE_SECONDS)).isCloseTo(10.0, EXACT);
        assertThat(m.value(Metric.FILLERS_PER_100_WORDS)).isCloseTo(100.0 / 37, EXACT);
        assertThat(m.get(Metric.TEACHER_TALK_SHARE).isMeasured()).isFalse();
        assertThat(m.get(Metric.TEACHER_TALK_SHARE).note()).contains("not told apart");
        assertThat(m.get(Metric.QUESTION_COUNT).basis()).isEqualTo(Basis.SPEAKER_FREE_FALLBACK);
        assertThat(m.questions()).extracting(AskedQuestion::askedBy).containsOnlyNulls();
    }

    @Test
    void splitsTheSpeakingRateIntoFiveMinuteWindows() {
        List<Utterance> lesson = List.of(
                new Utterance(0, 60, words(150)),
                new Utterance(290, 310, words(20)),
                new Utterance(600, 630, words(50)));

        List<WindowRate> windows = measurer.measure(lesson, SpeakerEstimate.unknown(3)).speakingRateByWindow();

        assertThat(windows).extracting(WindowRate::start).containsExactly(0.0, 300.0, 600.0);
        assertThat(windows).extracting(WindowRate::end).containsExactly(300.0, 600.0, 630.0);
        assertThat(windows.get(0).wordsPerMinute()).isCloseTo(160 / (70 / 60.0), EXACT);
        assertThat(windows.get(1).wordsPerMinute()).isCloseTo(60.0, EXACT);
        assertThat(windows.get(2).wordsPerMinute()).isCloseTo(100.0, EXACT);
    }

    @Test
    void anEmptyLessonMeasuresNothingButDoesNotFail() {
        LessonMetrics m = measurer.measure(List.of(), SpeakerEstimate.unknown(0));

        assertThat(m.value(Metric.SPEAKING_SECONDS)).isZero();
        assertThat(m.value(Metric.SPEAKING_RATE_WPM)).isNull();
        assertThat(m.value(Metric.WAIT_TIME_MEAN_SECONDS)).isNull();
        assertThat(m.measurements()).containsOnlyKeys(Metric.values());
    }

    private static String words(int n) {
        return String.join(" ", Collections.nCopies(n, "word"));
    }

    @Test
    void measuresTheUtterancesTheEstimateCutWhereTheVoiceChanges() {
        List<Utterance> heard = List.of(new Utterance(0, 10, "Does iron stick to a magnet? Yes it does"),
                new Utterance(12, 16, "Well done"));
        List<Utterance> cut = List.of(new Utterance(0, 6, "Does iron stick to a magnet?"),
                new Utterance(6, 10, "Yes it does"), new Utterance(12, 16, "Well done"));
        SpeakerEstimate estimate = new SpeakerEstimate(List.of(Speaker.TEACHER, Speaker.STUDENT, Speaker.TEACHER),
                0.9, "test", Collections.nCopies(3, Double.NaN), null, cut);

        LessonMetrics m = measurer.measure(heard, estimate);

        assertThat(m.utterances()).isEqualTo(cut);
        assertThat(m.value(Metric.TEACHER_TALK_SHARE)).isCloseTo(10.0 / 14, EXACT);
        assertThat(m.questions()).singleElement().satisfies(q -> {
            assertThat(q.askedBy()).isEqualTo(Speaker.TEACHER);
            assertThat(q.utterance()).isEqualTo(cut.get(0).excerpt());
        });
    }

    @Test
    void anEstimateMustGiveOneSpeakerPerRefinedUtterance() {
        List<Utterance> cut = List.of(new Utterance(0, 6, "a"), new Utterance(6, 10, "b"));

        assertThatThrownBy(() -> new SpeakerEstimate(List.of(Speaker.TEACHER), 0.9,
                "test", List.of(Double.NaN), null, cut)).isInstanceOf(IllegalArgumentException.class);
    }
}
