package org.classreflect.core.metrics;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the audio tells about each utterance (same order as the utterances given): its speaker, with a confidence 0..1
 * that the voices were told apart at all, and the final rise of its pitch in semitones (how far the very end lies
 * above the low point before it; about 0 when the voice falls to its end; NaN when not heard), which marks many
 * questions when the transcript has no punctuation. Below {@link #CONFIDENT} the metrics
 * use their speaker-free definitions. {@code problem} says why there is no estimate when the audio could not be
 * heard (null otherwise). {@code refined}: when the voice changes inside an utterance, the utterances cut there
 * ({@link UtteranceCuts}), to which the speakers and end rises then belong; null when no utterance was cut.
 * {@code untranscribed}: speech heard outside every utterance, with its speaker (empty when none was heard or the
 * estimator does not listen there).
 */
public record SpeakerEstimate(List<Speaker> speakers, double confidence, String method, List<Double> endRises,
                              String problem, List<Utterance> refined, List<UntranscribedSpeech> untranscribed) {

    /**
     * The confidence from which speaker-dependent metrics trust the estimate: between what single-speaker clips
     * scored (0.05 to 0.17) and what the synthetic lessons scored. See docs/analysis.md.
     */
    public static final double CONFIDENT = 0.4;

    public SpeakerEstimate {
        speakers = List.copyOf(speakers);
        endRises = List.copyOf(endRises);
        Objects.requireNonNull(method, "method");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1");
        }
        if (endRises.size() != speakers.size()) {
            throw new IllegalArgumentException("one end rise per utterance expected");
        }
        untranscribed = List.copyOf(untranscribed);
        if (refined != null) {
            refined = List.copyOf(refined);
            if (refined.size() != speakers.size()) {
                throw new IllegalArgumentException("one speaker per refined utterance expected");
            }
        }
    }

    /** No speech heard outside the utterances. */
    public SpeakerEstimate(List<Speaker> speakers, double confidence, String method, List<Double> endRises,
                           String problem, List<Utterance> refined) {
        this(speakers, confidence, method, endRises, problem, refined, List.of());
    }

    /** No utterance cut. */
    public SpeakerEstimate(List<Speaker> speakers, double confidence, String method, List<Double> endRises,
                           String problem) {
        this(speakers, confidence, method, endRises, problem, null);
    }

    /** Speakers only, no pitch heard. */
    public SpeakerEstimate(List<Speaker> speakers, double confidence, String method) {
        this(speakers, confidence, method, Collections.nCopies(speakers.size(), Double.NaN), null);
    }

    /** No speaker information: every speaker-dependent metric falls back. */
    public static SpeakerEstimate unknown(int utterances) {
        return new SpeakerEstimate(Collections.nCopies(utterances, Speaker.TEACHER), 0, "none");
    }

    /** The audio could not be heard: every speaker-dependent metric falls back and says why. */
    public static SpeakerEstimate failed(int utterances, String problem) {
        Objects.requireNonNull(problem, "problem");
        return new SpeakerEstimate(Collections.nCopies(utterances, Speaker.TEACHER), 0, "none",
                Collections.nCopies(utterances, Double.NaN), problem);
    }

    /** The utterances the speakers belong to: the refined ones, or else those the estimate was made for. */
    public List<Utterance> utterancesOf(List<Utterance> given) {
        return refined != null ? refined : given;
    }

    public boolean isConfident() {
        return confidence >= CONFIDENT;
    }
}
