package org.classreflect.core.audio;

import java.util.Objects;

/** What probing found: the container/codec by name, the duration, and the source's own rate and channels. */
public record AudioInfo(String format, double durationSeconds, int sampleRate, int channels) {

    public AudioInfo {
        Objects.requireNonNull(format, "format");
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds cannot be negative");
        }
    }
}
