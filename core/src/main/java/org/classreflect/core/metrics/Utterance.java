package org.classreflect.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A stretch of speech with no pause of {@link Utterances#PAUSE_SECONDS} or more inside it, and the engine's
 * confidence 0..1 in each of its words (one per word as {@link #wordCount()} counts them; NaN where the engine gave
 * none).
 */
public record Utterance(double start, double end, String text, List<Double> wordConfidences) {

    public Utterance {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("utterance times must satisfy 0 <= start <= end");
        }
        wordConfidences = List.copyOf(wordConfidences);
        if (wordConfidences.size() != Text.words(text).size()) {
            throw new IllegalArgumentException("one word confidence per word expected");
        }
    }

    /** An utterance whose words carry no confidence. */
    public Utterance(double start, double end, String text) {
        this(start, end, text, Double.NaN);
    }

    /** An utterance whose every word has the same confidence (NaN: none), as when only its segment has one. */
    public Utterance(double start, double end, String text, double confidence) {
        this(start, end, text, Collections.nCopies(Text.words(text).size(), confidence));
    }

    public double seconds() {
        return end - start;
    }

    public int wordCount() {
        return wordConfidences.size();
    }

    public Excerpt excerpt() {
        return new Excerpt(start, end, text);
    }

    /** This utterance and the next one as one, its words' confidences following this one's. */
    Utterance followedBy(Utterance next) {
        List<Double> confidences = new ArrayList<>(wordConfidences);
        confidences.addAll(next.wordConfidences);
        return new Utterance(start, Math.max(end, next.end), text.strip() + " " + next.text.strip(), confidences);
    }
}
