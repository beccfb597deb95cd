package org.classreflect.core.school;

import java.time.Duration;
import java.util.Objects;

/**
 * A school's choices: whether teachers see numeric scores, the template run on every upload that names none (null:
 * no automatic analysis), whether a language model judges lessons (rubric feedback), and how long its lessons'
 * audio is kept after they complete (null: the installation's period).
 */
public record SchoolAnalysisSettings(String schoolId, boolean hideScoresFromTeachers, String defaultTemplateId,
                                     boolean rubricEnabled, Duration audioRetention) {

    public SchoolAnalysisSettings {
        Objects.requireNonNull(schoolId, "schoolId");
    }

    public static SchoolAnalysisSettings defaults(String schoolId) {
        return new SchoolAnalysisSettings(schoolId, false, null, false, null);
    }
}
