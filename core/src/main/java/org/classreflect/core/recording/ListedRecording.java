package org.classreflect.core.recording;

/**
 * A recording as a listing shows it: with its teacher's display name, read with the page (null when the teacher's
 * account is gone).
 */
public record ListedRecording(Recording recording, String teacherName) {
}
