package org.classreflect.core.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Word;

/**
 * How far an analysis can trust what it measured: which engine and model heard the lesson, how sure the engine was of
 * its words, and how sure the speaker estimate was. When the words are too unsure the analysis is low confidence:
 * {@code lowConfidenceReason} says why, and no language model is asked to judge the lesson. The thresholds come
 * from pocketsphinx on the shared clips against their reference texts (docs/analysis.md, "How sure we are").
 *
 * @param meanWordConfidence     mean of the words' confidences 0..1; null when the engine gives none (whisper.cpp
 *                               through whisper-jni, most imported transcripts)
 * @param lowConfidenceWordShare share of those words below {@link #LOW_WORD_CONFIDENCE}; null likewise
 * @param speakerConfidence      the speaker estimate's confidence 0..1 (0 when no estimate could be made)
 * @param lowConfidenceReason    why the analysis is low confidence; null when it is not
 */
public record TranscriptQuality(String engine, String model, Double meanWordConfidence,
                                Double lowConfidenceWordShare, double speakerConfidence,
                                String lowConfidenceReason) {

    /** A word the engine gives less confidence than this is counted as a low-confidence word. */
    public static final double LOW_WORD_CONFIDENCE = 0.5;
    /** Below this mean word confidence the analysis is low confidence. */
    public static final double MEAN_WORD_CONFIDENCE_FLOOR = 0.5;
    /** Above this share of low-confidence words the analysis is low confidence. */
    public static final double LOW_CONFIDENCE_SHARE_CEILING = 0.45;

    public TranscriptQuality {
        Objects.requireNonNull(engine, "engine");
    }

    /** Assesses a transcript and the speaker estimate made for it. */
    public static TranscriptQuality of(Transcript transcript, SpeakerEstimate speakers) {
        List<Double> confidences = transcript.words().stream().map(Word::confidence).filter(Objects::nonNull)
                .toList();
        Double mean = null;
        Double lowShare = null;
        if (!confidences.isEmpty()) {
            mean = confidences.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            lowShare = confidences.stream().filter(c -> c < LOW_WORD_CONFIDENCE).count()
                    / (double) confidences.size();
        }
        return new TranscriptQuality(transcript.engine(), transcript.modelId(), mean, lowShare,
                speakers.confidence(), reason(mean, lowShare));
    }

    public boolean lowConfidence() {
        return lowConfidenceReason != null;
    }

    private static String reason(Double mean, Double lowShare) {
        if (mean == null) {
            return null;
        }
        if (mean < MEAN_WORD_CONFIDENCE_FLOOR) {
            return String.format(Locale.ROOT, "the speech engine's mean word confidence is %.2f, below %.2f: many "
                            + "words are likely wrong, so questions, phrases and word counts may be too; no language "
                            + "model was asked to judge the lesson", mean, MEAN_WORD_CONFIDENCE_FLOOR);
        }
        if (lowShare > LOW_CONFIDENCE_SHARE_CEILING) {
            return String.format(Locale.ROOT, "%.0f %% of the words have a confidence below %.2f (more than %.0f %%): "
                            + "many words are likely wrong, so questions, phrases and word counts may be too; no "
                            + "language model was asked to judge the lesson", lowShare * 100, LOW_WORD_CONFIDENCE,
                    LOW_CONFIDENCE_SHARE_CEILING * 100);
        }
        return null;
    }
}
