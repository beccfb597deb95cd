package org.classreflect.core.template;

/**
 * One thing a template looks at, with its weight (percent of the overall score). It is measured (bound to a
 * metric), judged (a description a language model assesses), or both; {@link TemplateRules} checks that.
 */
public record Criterion(String name, int weight, MeasuredTarget measured, String judged) {

    public static Criterion measured(String name, int weight, MeasuredTarget target) {
        return new Criterion(name, weight, target, null);
    }

    public static Criterion judged(String name, int weight, String description) {
        return new Criterion(name, weight, null, description);
    }

    public boolean isMeasured() {
        return measured != null;
    }

    public boolean isJudged() {
        return judged != null && !judged.isBlank();
    }
}
