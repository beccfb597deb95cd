package org.classreflect.core.analysis;

import jakarta.inject.Inject;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;

/**
 * Whether numeric scores, and what they could be worked back out from, are kept from a reader: a school may hide
 * them from its teachers; its managers and super admins always see them.
 */
public final class ScoreVisibility {

    private final SchoolSettings settings;

    @Inject
    public ScoreVisibility(SchoolSettings settings) {
        this.settings = settings;
    }

    public boolean hiddenFrom(Actor actor, String schoolId) {
        return actor.is(Role.TEACHER) && settings.find(schoolId).hideScoresFromTeachers();
    }
}
