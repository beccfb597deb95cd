package org.classreflect.core.template;

import java.util.List;
import java.util.Set;

/**
 * An analysis template: weighted criteria a lesson is scored against. {@code schoolId} is null for a global template
 * every school can use. Empty {@code subjects} or {@code grades} mean any. Check with {@link TemplateRules} before
 * storing.
 */
public record Template(String id, String schoolId, String name, String description, String category,
                       Set<String> subjects, Set<String> grades, int version, List<Criterion> criteria) {

    public Template {
        subjects = Set.copyOf(subjects);
        grades = Set.copyOf(grades);
        criteria = List.copyOf(criteria);
    }

    public boolean isGlobal() {
        return schoolId == null;
    }
}
