package org.classreflect.core.school;

/** Which recordings a listing may include: all, one school's, or one teacher's. */
public record RecordingScope(String schoolId, String teacherId) {

    public static RecordingScope everything() {
        return new RecordingScope(null, null);
    }

    public static RecordingScope school(String schoolId) {
        return new RecordingScope(schoolId, null);
    }

    public static RecordingScope teacher(String teacherId) {
        return new RecordingScope(null, teacherId);
    }

    /** Whether a recording of this school and teacher falls inside the scope. */
    public boolean includes(String recordingSchoolId, String recordingTeacherId) {
        return (schoolId == null || schoolId.equals(recordingSchoolId))
                && (teacherId == null || teacherId.equals(recordingTeacherId));
    }
}
