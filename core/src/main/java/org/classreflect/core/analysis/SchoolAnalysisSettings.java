package org.classreflect.core.analysis;

import java.util.Objects;

/**
 * A school's analysis choices: whether teachers see numeric scores, the template run on every upload that names
 * none (null: no automatic analysis), and whether a language model judges lessons (rubric feedback).
 */
public record SchoolAnalysisSettings(String schoolId, boolean hideScoresFromTeachers, String defaultTemplateId,
                                     boolean rubricEnabled) {

    public SchoolAnalysisSettings {
        Objects.requireNonNull(schoolId, "schoolId");
    }

    public static SchoolAnalysisSettings defaults(String schoolId) {
        return new SchoolAnalysisSettings(schoolId, false, null, false);
    }
}
