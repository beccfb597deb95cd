package org.classreflect.core.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * @param audioRetention how long audio is kept after its recording completes (default 24 h); transcripts stay
 * @param staleUpload    after how long an upload that never finished (its process died) is cleaned away
 */
public record RetentionSettings(Duration audioRetention, Duration staleUpload) {

    public static final Duration DEFAULT_AUDIO_RETENTION = Duration.ofHours(24);

    public RetentionSettings {
        Objects.requireNonNull(audioRetention, "audioRetention");
        Objects.requireNonNull(staleUpload, "staleUpload");
        if (audioRetention.isNegative() || staleUpload.isNegative()) {
            throw new IllegalArgumentException("retention durations cannot be negative");
        }
    }
}
