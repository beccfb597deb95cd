package org.classreflect.adapters.speech.quality;

import java.util.List;
import java.util.Locale;
import org.classreflect.core.metrics.LessonMetrics;
import org.classreflect.core.metrics.Speaker;
import org.classreflect.core.metrics.UntranscribedSpeech;
import org.classreflect.core.metrics.Utterance;

/**
 * Lists each analysed utterance (cut where the estimator heard the voice change) with its estimated speaker and the
 * truth's speakers it overlaps, seconds each, and marks the utterances that hold speech of the wrong speaker: what the
 * speaker estimator is tuned from, on tuning lessons.
 */
final class SpeakerAttribution {

    private SpeakerAttribution() {
    }

    static void print(LessonTruth truth, LessonMetrics metrics) {
        List<Utterance> utterances = metrics.utterances();
        for (int i = 0; i < utterances.size(); i++) {
            Utterance u = utterances.get(i);
            print(truth, u.start(), u.end(), metrics.speakers().speakers().get(i) == Speaker.TEACHER, "");
        }
        for (UntranscribedSpeech speech : metrics.speakers().untranscribed()) {
            print(truth, speech.start(), speech.end(), speech.speaker() == Speaker.TEACHER, " (untranscribed)");
        }
    }

    private static void print(LessonTruth truth, double start, double end, boolean teacher, String what) {
        {
            StringBuilder heard = new StringBuilder();
            boolean wrong = false;
            for (LessonTruth.Turn t : truth.turns()) {
                double overlap = LessonScore.overlap(start, end, t.start(), t.end());
                if (overlap > 0) {
                    heard.append(String.format(Locale.ROOT, " %s %.2fs", t.speaker(), overlap));
                    wrong |= t.isTeacher() != teacher;
                }
            }
            System.out.printf(Locale.ROOT, "  %s %7.2f-%7.2f %-7s truth:%s%s%n", wrong ? "!" : " ", start, end,
                    teacher ? "teacher" : "student", heard, what);
        }
    }
}
