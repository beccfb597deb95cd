package org.classreflect.core.metrics;

/** What a measurement rests on: the transcript's times and words alone, or also the estimated speakers. */
public enum Basis {
    /** Needs no speakers. */
    TRANSCRIPT,
    /** Used the speaker estimate, which was confident. */
    SPEAKERS,
    /** Would use speakers, but the estimate was not confident: the speaker-free definition was used instead. */
    SPEAKER_FREE_FALLBACK
}
