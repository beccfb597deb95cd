package org.classreflect.core.metrics;

import java.util.Objects;

/** A stretch of speech with no pause of {@link Utterances#PAUSE_SECONDS} or more inside it. */
public record Utterance(double start, double end, String text) {

    public Utterance {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("utterance times must satisfy 0 <= start <= end");
        }
    }

    public double seconds() {
        return end - start;
    }

    public int wordCount() {
        return Text.words(text).size();
    }

    public Excerpt excerpt() {
        return new Excerpt(start, end, text);
    }
}
