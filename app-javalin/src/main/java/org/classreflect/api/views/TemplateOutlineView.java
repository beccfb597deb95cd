package org.classreflect.api.views;

import java.util.List;
import java.util.Set;
import org.classreflect.core.template.Criterion;
import org.classreflect.core.template.Template;

/**
 * A template as a teacher of a school that hides scores gets it: what each criterion is about (its name, the metric
 * it looks at, what is judged), without the weights, targets and curves that would give the hidden scores back.
 */
public record TemplateOutlineView(String id, String schoolId, String name, String description, String category,
                                  Set<String> subjects, Set<String> grades, Integer version,
                                  List<CriterionOutline> criteria) {

    public record CriterionOutline(String name, String metric, String judged) {

        static CriterionOutline of(Criterion c) {
            return new CriterionOutline(c.name(), c.measured() == null ? null : c.measured().metric().name(),
                    c.judged());
        }
    }

    public static TemplateOutlineView of(Template t) {
        return new TemplateOutlineView(t.id(), t.schoolId(), t.name(), t.description(), t.category(), t.subjects(),
                t.grades(), t.version(), t.criteria().stream().map(CriterionOutline::of).toList());
    }
}
