package org.classreflect.core.deletion;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * @param audioRetention           how long audio is kept after its recording completes, for every school that chose
 *                                 no period of its own (default 24 h); transcripts stay
 * @param maxSchoolAudioRetention  the longest period a school may choose for itself (the IT staff's limit)
 * @param staleUpload              after how long an upload that never finished (its process died) is cleaned away
 */
public record RetentionSettings(Duration audioRetention, Duration maxSchoolAudioRetention, Duration staleUpload) {

    public static final Duration DEFAULT_AUDIO_RETENTION = Duration.ofHours(24);
    /** The shortest period a school may choose: a lesson's audio stays long enough to be listened to once. */
    public static final Duration MIN_SCHOOL_AUDIO_RETENTION = Duration.ofHours(1);

    public RetentionSettings {
        Objects.requireNonNull(audioRetention, "audioRetention");
        Objects.requireNonNull(maxSchoolAudioRetention, "maxSchoolAudioRetention");
        Objects.requireNonNull(staleUpload, "staleUpload");
        if (audioRetention.isNegative() || staleUpload.isNegative()) {
            throw new IllegalArgumentException("retention durations cannot be negative");
        }
        if (maxSchoolAudioRetention.compareTo(MIN_SCHOOL_AUDIO_RETENTION) < 0) {
            throw new IllegalArgumentException("the longest audio retention a school may choose cannot be under "
                    + "one hour");
        }
    }

    /**
     * How long a school's audio is kept: its own choice (null: none), within today's maximum (IT staff may have
     * lowered it since the school chose), or the installation's period.
     */
    public Duration audioRetentionFor(Duration schoolChoice) {
        if (schoolChoice == null) {
            return audioRetention;
        }
        return schoolChoice.compareTo(maxSchoolAudioRetention) > 0 ? maxSchoolAudioRetention : schoolChoice;
    }

    /** Why a school may not choose this period, if it may not. */
    public Optional<String> problemWith(Duration schoolChoice) {
        if (schoolChoice.compareTo(MIN_SCHOOL_AUDIO_RETENTION) < 0) {
            return Optional.of("audio retention must be at least 1 hour");
        }
        if (schoolChoice.compareTo(maxSchoolAudioRetention) > 0) {
            return Optional.of("audio retention cannot be longer than " + maxSchoolAudioRetention.toHours()
                    + " hours, the longest this installation allows");
        }
        return Optional.empty();
    }
}
