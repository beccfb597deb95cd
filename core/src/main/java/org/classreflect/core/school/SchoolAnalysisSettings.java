package org.classreflect.core.school;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A school's choices: whether teachers see numeric scores, the template run on every upload that names none (null:
 * no automatic analysis; a school that has chosen nothing yet gets {@link #STARTER_DEFAULT_TEMPLATE_ID}), whether a language model judges lessons (rubric feedback), and how long its lessons'
 * audio is kept after they complete (null: the installation's period), and the score from which a criterion meets
 * the school's goal ({@link #MIN_SCORE_GOAL}..{@link #MAX_SCORE_GOAL}, the verdicts follow from it: see
 * {@code Verdict}).
 */
public record SchoolAnalysisSettings(String schoolId, boolean hideScoresFromTeachers, String defaultTemplateId,
                                     boolean rubricEnabled, Duration audioRetention, int scoreGoal) {

    public static final int DEFAULT_SCORE_GOAL = 70;
    public static final int MIN_SCORE_GOAL = 50;
    public static final int MAX_SCORE_GOAL = 95;

    public SchoolAnalysisSettings {
        Objects.requireNonNull(schoolId, "schoolId");
    }

    /** Settings with the default goal. */
    public SchoolAnalysisSettings(String schoolId, boolean hideScoresFromTeachers, String defaultTemplateId,
                                  boolean rubricEnabled, Duration audioRetention) {
        this(schoolId, hideScoresFromTeachers, defaultTemplateId, rubricEnabled, audioRetention, DEFAULT_SCORE_GOAL);
    }

    /** Why a goal cannot be a school's, if it cannot. */
    public static Optional<String> problemWithScoreGoal(int goal) {
        return goal < MIN_SCORE_GOAL || goal > MAX_SCORE_GOAL
                ? Optional.of("scoreGoal must be a whole score from " + MIN_SCORE_GOAL + " to "
                        + MAX_SCORE_GOAL + ", not " + goal)
                : Optional.empty();
    }

    /** The starter template every lesson is analysed with until the school chooses otherwise. */
    public static final String STARTER_DEFAULT_TEMPLATE_ID = "starter-questioning-wait-time";

    public static SchoolAnalysisSettings defaults(String schoolId) {
        return new SchoolAnalysisSettings(schoolId, false, STARTER_DEFAULT_TEMPLATE_ID, false, null);
    }
}
