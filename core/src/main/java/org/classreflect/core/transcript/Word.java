package org.classreflect.core.transcript;

import java.util.Objects;

/** One recognised word with its times in seconds and, when the engine gives one, a confidence 0..1. */
public record Word(double start, double end, String text, Double confidence) {

    public Word {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("word times must satisfy 0 <= start <= end");
        }
    }
}
