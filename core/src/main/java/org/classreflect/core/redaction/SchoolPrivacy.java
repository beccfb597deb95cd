package org.classreflect.core.redaction;

import java.util.List;
import java.util.Objects;

/**
 * A school's privacy choices: whether students' names are replaced in its transcripts, the class list that names them,
 * and how many days a transcript is kept after its lesson completes (null: kept as long as the lesson).
 */
public record SchoolPrivacy(String schoolId, boolean redactStudentNames, List<String> classList,
                            Integer transcriptRetentionDays) {

    public static final int MAX_CLASS_LIST = 5000;

    public SchoolPrivacy {
        Objects.requireNonNull(schoolId, "schoolId");
        classList = List.copyOf(classList);
    }

    public static SchoolPrivacy defaults(String schoolId) {
        return new SchoolPrivacy(schoolId, false, List.of(), null);
    }
}
