package org.classreflect.core.transcript;

import java.util.Objects;

/**
 * A stretch of speech with its times in seconds from the start of the audio; confidence 0..1 when the engine gives
 * one; the speaker's label when whoever supplied the transcript named one (engines never do). See
 * {@code metrics.SuppliedSpeakers} for how labels are read as teacher and students.
 */
public record Segment(double start, double end, String text, Double confidence, String speaker) {

    public Segment {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("segment times must satisfy 0 <= start <= end");
        }
        speaker = speaker == null || speaker.isBlank() ? null : speaker.strip();
    }

    /** A segment without a speaker label, as transcription engines produce them. */
    public Segment(double start, double end, String text, Double confidence) {
        this(start, end, text, confidence, null);
    }
}
