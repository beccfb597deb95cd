package org.classreflect.core.recording;

import java.time.Instant;
import java.util.Objects;

/**
 * One lesson audio and its processing job. Immutable: each step of the pipeline returns a new value, and every
 * change of status goes through the status machine.
 */
public record Recording(
        String id,
        String schoolId,
        String teacherId,
        RecordingMetadata metadata,
        String originalFileName,
        String contentType,
        long sizeBytes,
        Double durationSeconds,
        String sha256,
        RecordingStatus status,
        int progressPercent,
        int attempts,
        String errorMessage,
        Instant createdAt,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        Instant audioDeletedAt) {

    public Recording {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(teacherId, "teacherId");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (progressPercent < 0 || progressPercent > 100) {
            throw new IllegalArgumentException("progressPercent must be 0..100");
        }
    }

    public static Recording startUpload(String id, String schoolId, String teacherId, RecordingMetadata metadata,
                                        String originalFileName, String contentType, Instant now) {
        return new Recording(id, schoolId, teacherId, metadata, originalFileName, contentType, 0, null, null,
                RecordingStatus.UPLOADING, 0, 0, null, now, null, null, null, null);
    }

    /** The key of this recording's audio in the audio store: its id, never anything a client typed. */
    public String audioKey() {
        return id;
    }

    public boolean hasAudio() {
        return audioDeletedAt == null;
    }

    public Recording uploaded(long size, String sha256Hex, Instant now) {
        return moveTo(RecordingStatus.QUEUED).with(size, sha256Hex, 0, attempts, null, now, startedAt, finishedAt);
    }

    /**
     * The transcript came with the upload, so no worker transcribes it: straight from uploading to transcribed. The
     * size and checksum are the audio's, zero and null when none came with it.
     */
    public Recording imported(long size, String sha256Hex, Instant now) {
        return moveTo(RecordingStatus.TRANSCRIBED).with(size, sha256Hex, 100, attempts, null, now, now, finishedAt);
    }

    /** A worker takes the job. Taking over a job whose previous worker died counts as a new attempt too. */
    public Recording startAttempt(Instant now) {
        Recording r = status == RecordingStatus.PROCESSING ? this : moveTo(RecordingStatus.PROCESSING);
        return r.with(sizeBytes, sha256, 0, attempts + 1, null, queuedAt, now, null);
    }

    /** Notes a failed attempt that will be tried again; the status stays processing. */
    public Recording attemptFailed(String reason) {
        requireStatus(RecordingStatus.PROCESSING);
        return with(sizeBytes, sha256, progressPercent, attempts, reason, queuedAt, startedAt, finishedAt);
    }

    public Recording transcribed(double audioSeconds) {
        Recording r = moveTo(RecordingStatus.TRANSCRIBED).with(sizeBytes, sha256, 100, attempts, null, queuedAt,
                startedAt, finishedAt);
        return r.withDuration(audioSeconds);
    }

    public Recording completed(Instant now) {
        return moveTo(RecordingStatus.COMPLETED).with(sizeBytes, sha256, 100, attempts, null, queuedAt, startedAt,
                now);
    }

    public Recording failed(String reason, Instant now) {
        return moveTo(RecordingStatus.FAILED).with(sizeBytes, sha256, progressPercent, attempts, reason, queuedAt,
                startedAt, now);
    }

    public Recording retried(Instant now) {
        return moveTo(RecordingStatus.QUEUED).with(sizeBytes, sha256, 0, attempts, null, now, null, null);
    }

    public Recording withProgress(int percent) {
        return with(sizeBytes, sha256, Math.max(0, Math.min(100, percent)), attempts, errorMessage, queuedAt,
                startedAt, finishedAt);
    }

    public Recording withAudioDeleted(Instant now) {
        return new Recording(id, schoolId, teacherId, metadata, originalFileName, contentType, sizeBytes,
                durationSeconds, sha256, status, progressPercent, attempts, errorMessage, createdAt, queuedAt,
                startedAt, finishedAt, now);
    }

    /** The length of the audio in seconds: measured at upload, and again by the engine that transcribes it. */
    public Recording withDuration(double seconds) {
        return new Recording(id, schoolId, teacherId, metadata, originalFileName, contentType, sizeBytes, seconds,
                sha256, status, progressPercent, attempts, errorMessage, createdAt, queuedAt, startedAt, finishedAt,
                audioDeletedAt);
    }

    private Recording moveTo(RecordingStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(status, next);
        }
        return new Recording(id, schoolId, teacherId, metadata, originalFileName, contentType, sizeBytes,
                durationSeconds, sha256, next, progressPercent, attempts, errorMessage, createdAt, queuedAt,
                startedAt, finishedAt, audioDeletedAt);
    }

    private void requireStatus(RecordingStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("expected " + expected.wireName() + " but was " + status.wireName());
        }
    }

    private Recording with(long size, String sha, int progress, int attemptCount, String error, Instant queued,
                           Instant started, Instant finished) {
        return new Recording(id, schoolId, teacherId, metadata, originalFileName, contentType, size,
                durationSeconds, sha, status, progress, attemptCount, error, createdAt, queued, started, finished,
                audioDeletedAt);
    }
}
