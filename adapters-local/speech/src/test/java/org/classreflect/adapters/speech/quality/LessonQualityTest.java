package org.classreflect.adapters.speech.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.classreflect.core.metrics.SpeakerEstimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lessons of the quality harness as regression tests (the full table: {@link LessonQualityHarness}): a held-out
 * lesson with do-form questions and questions at the end of longer turns, and a tuning lesson whose teacher reads a
 * poem in another tone of voice; and, for the speakers only, two tuning lessons with a student close to the teacher
 * (l19's confidence, l42's answers inside the teacher's utterances) and one whose close student speaks at the start
 * of the teacher's utterances (l51). Speakers from the audio; the transcript is the
 * truth, with and without punctuation.
 * Needs python3, espeak-ng and sox to speak the lessons.
 */
class LessonQualityTest {

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"l06-pharaohs,TRUTH", "l06-pharaohs,BARE", "l08-poetry,TRUTH", "l08-poetry,BARE"})
    void meetsTheTargetsOfTheHarness(String lesson, LessonQualityHarness.Source source) throws Exception {
        LessonTruth truth = Lessons.generate(lesson);

        LessonScore score = LessonScore.of(truth,
                new LessonQualityHarness().analyse(truth, LessonQualityHarness.utterances(lesson, truth, source)));

        System.out.printf("%s %s: share error %s, speakers %.3f, questions P %.2f R %.2f, kinds %.2f%n", lesson,
                source, score.talkShareError(), score.speakerAccuracy(), score.questions().precision(),
                score.questions().recall(), score.questions().kindAgreement());
        assertThat(score.talkShareError()).isNotNull();
        assertThat(Math.abs(score.talkShareError())).isLessThanOrEqualTo(0.05);
        assertThat(score.speakerAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(score.questions().f1()).isGreaterThanOrEqualTo(0.9);
        assertThat(score.questions().kindAgreement()).isGreaterThanOrEqualTo(0.85);
        assertThat(score.meanWaitError()).isLessThan(0.01);
    }

    @Test
    void judgesTheConfidenceOnTheVoicesTheSpeakersEndUpWith() throws Exception {
        LessonTruth truth = Lessons.generate("l19-reading-circle");

        LessonScore score = LessonScore.of(truth, new LessonQualityHarness().analyse(truth,
                LessonQualityHarness.utterances("l19-reading-circle", truth, LessonQualityHarness.Source.TRUTH)));

        // Measured 0.77. Judged on the grouping before each piece joined its nearest voice, it was 0, so l19 got no
        // talk shares at all.
        System.out.printf("l19 confidence %.2f%n", score.confidence());
        assertThat(score.confidence()).isGreaterThanOrEqualTo(SpeakerEstimate.CONFIDENT);
    }

    /**
     * Close students answering inside the teacher's utterances, measured on the audio as spoken since 2026-12-03
     * 13:00 UTC (sox's dither seeded, {@link Lessons}; earlier figures are on other speakings). l42: measured -0.024
     * and 98.9 % (-0.020 and 99.0 % on an earlier speaking; 94.2 % before a short
     * voice heard inside one utterance could be told from the teacher by lying nearer to another voice, and before a
     * teacher's 1 s utterance grouped alone joined him). l51: measured -0.010 and 100 % since its teacher speaks with
     * the variant its script meant ("david"; until 2026-12-03 it named "David", which espeak-ng does not have, and spoke
     * with the default voice, close to its student: +0.085 and 90.8 % before a boundary next to a pause inside an
     * utterance was cut, -0.010 and 99.5 % after). l71: measured -0.038 and 96.5 % (-0.035 and 96.8 % on an earlier
     * speaking, -0.051 on another: the dither alone moves it); with every pause a cut its
     * teacher's short utterances made voices of their own, given to students (-0.093 and 91.2 %), until voices no
     * further apart than one voice's own 2 s windows wander were merged (SameSpeakerMerge); before every pause was a
     * cut, -0.054 and 95.2 %. The cuts are tested in VoiceChangesTest, the merge in SameSpeakerMergeTest.
     */
    @ParameterizedTest
    @ValueSource(strings = {"l42-sound-waves", "l51-the-solar-system", "l71-minibeast-hunt"})
    void hearsACloseStudentInsideTheTeachersUtterances(String lesson) throws Exception {
        LessonTruth truth = Lessons.generate(lesson);

        LessonScore score = LessonScore.of(truth, new LessonQualityHarness().analyse(truth,
                LessonQualityHarness.utterances(lesson, truth, LessonQualityHarness.Source.TRUTH)));

        System.out.printf("%s share error %s, speakers %.3f%n", lesson, score.talkShareError(),
                score.speakerAccuracy());
        assertThat(Math.abs(score.talkShareError())).isLessThanOrEqualTo(0.05);
        assertThat(score.speakerAccuracy()).isGreaterThanOrEqualTo(0.95);
    }
}
