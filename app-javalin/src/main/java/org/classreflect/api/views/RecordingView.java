package org.classreflect.api.views;

import java.time.Instant;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;

/** A recording as the API shows it; {@code teacherName} only in listings for managers and super admins. */
public record RecordingView(
        String id, String schoolId, String teacherId, String className, String subject, String grade, String notes,
        String originalFileName, String contentType, long sizeBytes, Double durationSeconds, String sha256,
        String status, int progressPercent, int attempts, String errorMessage, boolean audioAvailable,
        Instant createdAt, Instant queuedAt, Instant startedAt, Instant finishedAt, Instant audioDeletedAt,
        String teacherName, String errorDetail, String lessonName) {

    /** As a teacher sees it: the error as a cause in plain words, no technical detail. */
    public static RecordingView of(Recording r) {
        return build(r, null, false);
    }

    /**
     * With the teacher's name, for readers who see other teachers' recordings (managers, super admins); they also
     * get the error's technical detail ({@code errorDetail}), without file paths.
     */
    public static RecordingView of(Recording r, String teacherName) {
        return build(r, teacherName, true);
    }

    /** For one reader: the technical detail only for managers and super admins. */
    public static RecordingView forViewer(Recording r, Actor viewer) {
        return build(r, null, !viewer.is(Role.TEACHER));
    }

    private static RecordingView build(Recording r, String teacherName, boolean detail) {
        return new RecordingView(r.id(), r.schoolId(), r.teacherId(), r.metadata().className(),
                r.metadata().subject(), r.metadata().grade(), r.metadata().notes(), r.originalFileName(),
                r.contentType(), r.sizeBytes(), r.durationSeconds(), r.sha256(), r.status().wireName(),
                r.progressPercent(), r.attempts(), FailureText.plain(r.errorMessage()), r.hasAudio(), r.createdAt(),
                r.queuedAt(), r.startedAt(), r.finishedAt(), r.audioDeletedAt(), teacherName,
                detail ? FailureText.withoutPaths(r.errorMessage()) : null, r.metadata().lessonName());
    }
}
