package org.classreflect.core.metrics;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The speaker of each utterance (same order as the utterances given), with a confidence 0..1 that the two voices
 * were told apart at all. Below {@link #CONFIDENT} the metrics use their speaker-free definitions.
 */
public record SpeakerEstimate(List<Speaker> speakers, double confidence, String method) {

    /**
     * The confidence from which speaker-dependent metrics trust the estimate: between what single-speaker clips
     * scored (0.05 to 0.17) and what the synthetic lesson scored (0.69). See docs/analysis.md.
     */
    public static final double CONFIDENT = 0.4;

    public SpeakerEstimate {
        speakers = List.copyOf(speakers);
        Objects.requireNonNull(method, "method");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1");
        }
    }

    /** No speaker information: every speaker-dependent metric falls back. */
    public static SpeakerEstimate unknown(int utterances) {
        return new SpeakerEstimate(Collections.nCopies(utterances, Speaker.TEACHER), 0, "none");
    }

    public boolean isConfident() {
        return confidence >= CONFIDENT;
    }
}
