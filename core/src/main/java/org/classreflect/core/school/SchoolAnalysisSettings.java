package org.classreflect.core.school;

import java.time.Duration;
import java.util.Objects;

/**
 * A school's choices: whether teachers see numeric scores, the template run on every upload that names none (null:
 * no automatic analysis; a school that has chosen nothing yet gets {@link #STARTER_DEFAULT_TEMPLATE_ID}), whether a language model judges lessons (rubric feedback), and how long its lessons'
 * audio is kept after they complete (null: the installation's period).
 */
public record SchoolAnalysisSettings(String schoolId, boolean hideScoresFromTeachers, String defaultTemplateId,
                                     boolean rubricEnabled, Duration audioRetention) {

    public SchoolAnalysisSettings {
        Objects.requireNonNull(schoolId, "schoolId");
    }

    /** The starter template every lesson is analysed with until the school chooses otherwise. */
    public static final String STARTER_DEFAULT_TEMPLATE_ID = "starter-questioning-wait-time";

    public static SchoolAnalysisSettings defaults(String schoolId) {
        return new SchoolAnalysisSettings(schoolId, false, STARTER_DEFAULT_TEMPLATE_ID, false, null);
    }
}
