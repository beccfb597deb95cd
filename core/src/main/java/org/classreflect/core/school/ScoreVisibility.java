package org.classreflect.core.school;

import jakarta.inject.Inject;

/**
 * Whether numeric scores, and what they could be worked back out from, are kept from a reader: a school may hide
 * them from its teachers; its managers and super admins always see them.
 */
public final class ScoreVisibility {

    /**
     * A value, whether the reader may not see its scores, and the school's goal its verdicts are said against (null
     * where the value carries no scores).
     */
    public record Seen<T>(T value, boolean scoresHidden, Integer scoreGoal) {

        public Seen(T value, boolean scoresHidden) {
            this(value, scoresHidden, null);
        }
    }

    private final SchoolSettings settings;

    @Inject
    public ScoreVisibility(SchoolSettings settings) {
        this.settings = settings;
    }

    public boolean hiddenFrom(Actor actor, String schoolId) {
        return actor.is(Role.TEACHER) && settings.find(schoolId).hideScoresFromTeachers();
    }

    /** The score from which a criterion meets the school's goal. */
    public int goalOf(String schoolId) {
        return settings.find(schoolId).scoreGoal();
    }
}
