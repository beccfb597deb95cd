package org.classreflect.core.transcript;

import java.util.Objects;

/** A stretch of speech with its times in seconds from the start of the audio; confidence 0..1 when the engine gives one. */
public record Segment(double start, double end, String text, Double confidence) {

    public Segment {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("segment times must satisfy 0 <= start <= end");
        }
    }
}
