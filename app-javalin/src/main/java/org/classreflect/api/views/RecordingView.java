package org.classreflect.api.views;

import java.time.Instant;
import org.classreflect.core.recording.Recording;

/** A recording as the API shows it; {@code teacherName} only in listings for managers and super admins. */
public record RecordingView(
        String id, String schoolId, String teacherId, String className, String subject, String grade, String notes,
        String originalFileName, String contentType, long sizeBytes, Double durationSeconds, String sha256,
        String status, int progressPercent, int attempts, String errorMessage, boolean audioAvailable,
        Instant createdAt, Instant queuedAt, Instant startedAt, Instant finishedAt, Instant audioDeletedAt,
        String teacherName) {

    public static RecordingView of(Recording r) {
        return of(r, null);
    }

    /** With the teacher's name, for readers who see other teachers' recordings (managers, super admins). */
    public static RecordingView of(Recording r, String teacherName) {
        return new RecordingView(r.id(), r.schoolId(), r.teacherId(), r.metadata().className(),
                r.metadata().subject(), r.metadata().grade(), r.metadata().notes(), r.originalFileName(),
                r.contentType(), r.sizeBytes(), r.durationSeconds(), r.sha256(), r.status().wireName(),
                r.progressPercent(), r.attempts(), r.errorMessage(), r.hasAudio(), r.createdAt(), r.queuedAt(),
                r.startedAt(), r.finishedAt(), r.audioDeletedAt(), teacherName);
    }
}
