package org.classreflect.core.rubric;

import java.util.Objects;

/** A stretch of the transcript with its times in seconds from the start of the audio, as in a transcript segment. */
public record TranscriptExcerpt(double start, double end, String text) {

    public TranscriptExcerpt {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("excerpt times must satisfy 0 <= start <= end");
        }
    }
}
