package org.classreflect.core.recording;

/**
 * What the teacher tells us about the lesson. All optional, all bounded. {@code lessonName} is the teacher's own name
 * for it ("Photosynthesis, part 2"), shown before the class and subject.
 */
public record RecordingMetadata(String className, String subject, String grade, String notes, String lessonName) {

    public static final RecordingMetadata NONE = new RecordingMetadata(null, null, null, null, null);

    public RecordingMetadata(String className, String subject, String grade, String notes) {
        this(className, subject, grade, notes, null);
    }

    public RecordingMetadata {
        lessonName = blankToNull(lessonName);
        className = blankToNull(className);
        subject = blankToNull(subject);
        grade = blankToNull(grade);
        notes = blankToNull(notes);
    }

    /** A message naming the first field that is too long, or null when all fit. */
    public String problem() {
        if (tooLong(lessonName, 200)) {
            return "lessonName must have at most 200 characters";
        }
        if (tooLong(className, 200)) {
            return "className must have at most 200 characters";
        }
        if (tooLong(subject, 100)) {
            return "subject must have at most 100 characters";
        }
        if (tooLong(grade, 50)) {
            return "grade must have at most 50 characters";
        }
        if (tooLong(notes, 4000)) {
            return "notes must have at most 4000 characters";
        }
        return null;
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
