package org.classreflect.core.metrics;

import java.util.Objects;

/** Evidence for a measurement: a stretch of the lesson, in seconds from the start of the audio, and what was said. */
public record Excerpt(double start, double end, String text) {

    public Excerpt {
        Objects.requireNonNull(text, "text");
        if (end < start) {
            throw new IllegalArgumentException("excerpt must not end before it starts");
        }
    }
}
