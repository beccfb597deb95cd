package org.classreflect.api.views;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.classreflect.api.http.BadRequest;
import org.classreflect.core.template.Criterion;
import org.classreflect.core.template.ManageTemplates;
import org.classreflect.core.template.MeasuredTarget;
import org.classreflect.core.metrics.Metric;
import org.classreflect.core.template.ScoringCurve;
import org.classreflect.core.template.TargetRange;
import org.classreflect.core.template.Template;

/** A template as the API shows it and takes it (id and version are the server's). */
public record TemplateView(String id, String schoolId, String name, String description, String category,
                           Set<String> subjects, Set<String> grades, Integer version, List<CriterionView> criteria) {

    /**
     * A criterion: measured when {@code metric} is given (with {@code min} and/or {@code max}, and {@code curve}
     * "step" or "linear" with {@code falloff}), judged when {@code judged} describes it, or both.
     */
    public record CriterionView(String name, int weight, String metric, Double min, Double max, String curve,
                                Double falloff, String judged) {

        static CriterionView of(Criterion c) {
            MeasuredTarget m = c.measured();
            return m == null ? new CriterionView(c.name(), c.weight(), null, null, null, null, null, c.judged())
                    : new CriterionView(c.name(), c.weight(), m.metric().name(), m.target().min(), m.target().max(),
                    m.curve().shape().name().toLowerCase(Locale.ROOT), m.curve().falloff(), c.judged());
        }

        Criterion toCriterion() {
            if (metric == null) {
                return new Criterion(name, weight, null, judged);
            }
            Metric parsed;
            ScoringCurve.Shape shape;
            try {
                parsed = Metric.valueOf(metric);
                shape = ScoringCurve.Shape.valueOf((curve == null ? "linear" : curve).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("criterion '" + name + "': unknown metric or curve (curve is step or linear)");
            }
            return new Criterion(name, weight, new MeasuredTarget(parsed, new TargetRange(min, max),
                    new ScoringCurve(shape, falloff == null ? 0 : falloff)), judged);
        }
    }

    /** What a reader gets: the whole template, or its outline when scores are hidden from them. */
    public static Object forReader(Template t, boolean scoresHidden) {
        return scoresHidden ? TemplateOutlineView.of(t) : of(t);
    }

    public static TemplateView of(Template t) {
        return new TemplateView(t.id(), t.schoolId(), t.name(), t.description(), t.category(), t.subjects(),
                t.grades(), t.version(), t.criteria().stream().map(CriterionView::of).toList());
    }

    public ManageTemplates.Draft toDraft() {
        return new ManageTemplates.Draft(schoolId, name, description, category, subjects, grades,
                criteria == null ? List.of() : criteria.stream().map(CriterionView::toCriterion).toList());
    }
}
