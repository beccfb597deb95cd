package org.classreflect.adapters.speech.quality;

import java.util.Locale;
import org.classreflect.core.metrics.LessonMetrics;

/**
 * Lists each analysed utterance (cut where the estimator heard the voice change) with its estimated speaker and the
 * truth's speakers it overlaps, seconds each, and its words and end rise, and marks the utterances that hold speech of the wrong
 * speaker: what the speaker estimator and the question detector are tuned from, on tuning lessons; then the speech
 * heard outside the utterances the same way.
 */
final class SpeakerAttribution {

    private SpeakerAttribution() {
    }

    static void print(LessonTruth truth, LessonMetrics metrics) {
        for (AttributedSpeech speech : AttributedSpeech.of(metrics)) {
            StringBuilder heard = new StringBuilder();
            boolean wrong = false;
            for (LessonTruth.Turn t : truth.turns()) {
                double overlap = LessonScore.overlap(speech.start(), speech.end(), t.start(), t.end());
                if (overlap > 0) {
                    heard.append(String.format(Locale.ROOT, " %s %.2fs", t.speaker(), overlap));
                    wrong |= t.isTeacher() != speech.teacher();
                }
            }
            System.out.printf(Locale.ROOT, "  %s %7.2f-%7.2f %-7s truth:%s%s%n", wrong ? "!" : " ", speech.start(),
                    speech.end(), speech.teacher() ? "teacher" : "student", heard,
                    speech.untranscribed() ? " (untranscribed)" : "");
            if (!speech.text().isEmpty()) {
                System.out.printf(Locale.ROOT, "        %s (end rise %.1f)%n", speech.text(), speech.endRise());
            }
        }
    }
}
