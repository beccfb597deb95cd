package org.classreflect.adapters.speech.quality;

import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.metrics.LessonMetrics;
import org.classreflect.core.metrics.Speaker;
import org.classreflect.core.metrics.UntranscribedSpeech;

/**
 * A stretch of speech an analysis gave a speaker: an analysed utterance, or speech heard outside every utterance
 * ({@code untranscribed}, no text), with its words and the pitch rise at its end (NaN when none was heard).
 */
record AttributedSpeech(double start, double end, boolean teacher, boolean untranscribed, String text,
                        double endRise) {

    /** The analysed utterances, then the speech heard outside them. */
    static List<AttributedSpeech> of(LessonMetrics metrics) {
        List<AttributedSpeech> all = new ArrayList<>();
        for (int i = 0; i < metrics.utterances().size(); i++) {
            all.add(new AttributedSpeech(metrics.utterances().get(i).start(), metrics.utterances().get(i).end(),
                    metrics.speakers().speakers().get(i) == Speaker.TEACHER, false,
                    metrics.utterances().get(i).text(), metrics.speakers().endRises().get(i)));
        }
        for (UntranscribedSpeech speech : metrics.speakers().untranscribed()) {
            all.add(new AttributedSpeech(speech.start(), speech.end(), speech.speaker() == Speaker.TEACHER, true,
                    "", Double.NaN));
        }
        return all;
    }
}
