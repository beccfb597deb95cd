package org.classreflect.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classreflect.core.common.WeightedMean;
import org.classreflect.core.metrics.Excerpt;
import org.classreflect.core.metrics.LessonMetrics;
import org.classreflect.core.metrics.Measurement;
import org.classreflect.core.template.Criterion;
import org.classreflect.core.template.Template;

/**
 * A lesson scored against a template. The overall score is the weighted mean of the criterion scores, computed here
 * and never by a model; criteria that could not be scored are left out and the others' weights renormalised.
 */
public record Scorecard(String templateId, int templateVersion, List<CriterionScore> criteria, Double overall) {

    public Scorecard {
        criteria = List.copyOf(criteria);
    }

    /**
     * @param judgedScores the language model's score 0..100 for each judged criterion, by criterion name; a judged
     *                     criterion missing here is scored on its measured part alone
     */
    public static Scorecard score(Template template, LessonMetrics metrics, Map<String, Double> judgedScores) {
        List<CriterionScore> scores = new ArrayList<>();
        for (Criterion c : template.criteria()) {
            Double value = null;
            Double measuredScore = null;
            List<Excerpt> evidence = List.of();
            if (c.isMeasured()) {
                Measurement m = metrics.get(c.measured().metric());
                value = m.value();
                measuredScore = value == null ? null : c.measured().score(value);
                evidence = m.evidence();
            }
            Double judged = c.isJudged() ? judgedScores.get(c.name()) : null;
            if (judged != null && !(judged >= 0 && judged <= 100)) {
                throw new IllegalArgumentException("judged score for '" + c.name() + "' must be within 0..100");
            }
            scores.add(new CriterionScore(c.name(), c.weight(), value, measuredScore, judged,
                    mean(measuredScore, judged), evidence));
        }
        return new Scorecard(template.id(), template.version(), scores, weightedMean(scores));
    }

    /** The weighted mean of the scored criteria; null when none could be scored. */
    public static Double weightedMean(List<CriterionScore> scores) {
        return WeightedMean.of(scores, CriterionScore::weight, CriterionScore::score);
    }

    private static Double mean(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : (a + b) / 2;
    }
}
