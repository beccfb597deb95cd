package org.classreflect.core.metrics;

import java.util.Objects;

/**
 * Speech the audio holds outside every utterance: voice the transcript missed (an engine that drops quiet or
 * unclear speech, often a child's), with the speaker it sounds like. Talk shares count it, so a transcript that
 * misses students' answers does not make the teacher's share look larger.
 */
public record UntranscribedSpeech(double start, double end, Speaker speaker) {

    public UntranscribedSpeech {
        Objects.requireNonNull(speaker, "speaker");
        if (end < start) {
            throw new IllegalArgumentException("untranscribed speech must not end before it starts");
        }
    }

    public double seconds() {
        return end - start;
    }
}
