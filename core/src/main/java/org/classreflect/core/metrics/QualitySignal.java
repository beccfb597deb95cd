package org.classreflect.core.metrics;

/** A part of {@link TranscriptQuality} that a measurement rests on. */
public enum QualitySignal {
    /** The recognised words: wrong words change the value (see {@link TranscriptQuality#meanWordConfidence()}). */
    WORD_CONFIDENCE,
    /** Who spoke: the value used the speaker estimate (see {@link TranscriptQuality#speakerConfidence()}). */
    SPEAKER_CONFIDENCE
}
