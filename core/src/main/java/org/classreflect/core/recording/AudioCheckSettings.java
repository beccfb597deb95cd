package org.classreflect.core.recording;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an upload's sound is checked once it is stored.
 *
 * @param maxDuration the longest recording accepted (default 4 hours: the longest school day's lesson, with room)
 * @param scratchDir  where the stored audio is copied for the decoder to read, and deleted right after
 */
public record AudioCheckSettings(Duration maxDuration, Path scratchDir) {

    public static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(4);

    public AudioCheckSettings {
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(scratchDir, "scratchDir");
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maxDuration must be positive");
        }
    }
}
