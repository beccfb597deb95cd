package org.classreflect.core.template;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

/** What a template must satisfy before it is stored; the first problem found is returned as a refusal. */
public final class TemplateRules {

    public static final int TOTAL_WEIGHT = 100;

    private TemplateRules() {
    }

    public static Result<Template> validate(Template template) {
        if (template.name() == null || template.name().isBlank()) {
            return Result.rejected(Rejection.invalid("a template needs a name"));
        }
        if (template.version() < 1) {
            return Result.rejected(Rejection.invalid("a template's version starts at 1"));
        }
        if (template.criteria().isEmpty()) {
            return Result.rejected(Rejection.invalid("a template needs at least one criterion"));
        }
        Set<String> names = new HashSet<>();
        long total = 0;
        for (Criterion c : template.criteria()) {
            if (c.name() == null || c.name().isBlank()) {
                return Result.rejected(Rejection.invalid("every criterion needs a name"));
            }
            if (!names.add(c.name().strip().toLowerCase(Locale.ROOT))) {
                return Result.rejected(Rejection.invalid("criterion '" + c.name() + "' appears twice"));
            }
            if (c.weight() <= 0) {
                return Result.rejected(Rejection.invalid("criterion '" + c.name() + "' needs a positive weight"));
            }
            if (!c.isMeasured() && !c.isJudged()) {
                return Result.rejected(Rejection.invalid(
                        "criterion '" + c.name() + "' must be measured, judged, or both"));
            }
            if (c.isMeasured()) {
                String problem = targetProblem(c.measured());
                if (problem != null) {
                    return Result.rejected(Rejection.invalid("criterion '" + c.name() + "': " + problem));
                }
            }
            total += c.weight();
        }
        if (total != TOTAL_WEIGHT) {
            return Result.rejected(Rejection.invalid(
                    "criterion weights must add up to " + TOTAL_WEIGHT + ", not " + total));
        }
        return Result.ok(template);
    }

    private static String targetProblem(MeasuredTarget m) {
        TargetRange t = m.target();
        if (t.min() == null && t.max() == null) {
            return "the target range needs a minimum, a maximum, or both";
        }
        if ((t.min() != null && !Double.isFinite(t.min())) || (t.max() != null && !Double.isFinite(t.max()))) {
            return "the target's bounds must be finite numbers";
        }
        if (t.min() != null && t.max() != null && t.min() > t.max()) {
            return "the target's minimum is above its maximum";
        }
        if (m.curve().shape() == ScoringCurve.Shape.LINEAR && !(m.curve().falloff() > 0)) {
            return "a linear scoring curve needs a positive falloff";
        }
        return null;
    }
}
