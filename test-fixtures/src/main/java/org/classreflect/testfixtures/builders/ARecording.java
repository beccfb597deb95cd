package org.classreflect.testfixtures.builders;

import java.time.Instant;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingStatus;

/** Recordings in a given state, built directly rather than walked through the status machine. */
public final class ARecording {

    private final String id;
    private final String schoolId;
    private final String teacherId;
    private RecordingMetadata metadata = RecordingMetadata.NONE;
    private RecordingStatus status = RecordingStatus.QUEUED;
    private Instant createdAt = Times.T0;
    private Instant finishedAt;
    private Instant audioDeletedAt;
    private int progress;

    private ARecording(String id, String schoolId, String teacherId) {
        this.id = id;
        this.schoolId = schoolId;
        this.teacherId = teacherId;
    }

    public static ARecording of(String id, String schoolId, String teacherId) {
        return new ARecording(id, schoolId, teacherId);
    }

    public static Recording queued(String id, String schoolId, String teacherId) {
        return of(id, schoolId, teacherId).build();
    }

    public ARecording metadata(RecordingMetadata value) {
        metadata = value;
        return this;
    }

    public ARecording status(RecordingStatus value) {
        status = value;
        return this;
    }

    public ARecording createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    public ARecording finishedAt(Instant value) {
        finishedAt = value;
        return this;
    }

    public ARecording audioDeletedAt(Instant value) {
        audioDeletedAt = value;
        return this;
    }

    public ARecording progress(int value) {
        progress = value;
        return this;
    }

    public Recording build() {
        boolean uploaded = status != RecordingStatus.UPLOADING;
        return new Recording(id, schoolId, teacherId, metadata, id + ".mp3", "audio/mpeg",
                uploaded ? 1_000 : 0, null, uploaded ? "ab".repeat(32) : null, status, progress, 0, null, createdAt,
                uploaded ? createdAt.plusSeconds(1) : null, null, finishedAt, audioDeletedAt);
    }
}
