package org.classreflect.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

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
        return weightedMean(scores, CriterionScore::weight, CriterionScore::score);
    }

    /**
     * The weighted mean of the items that have a score (the one weighted mean in ClassReflect, used for rubric
     * feedback too); null when none has.
     */
    public static <T> Double weightedMean(List<T> items, ToDoubleFunction<T> weightOf, Function<T, Double> scoreOf) {
        double weighted = 0;
        double weights = 0;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (T item : items) {
            Double score = scoreOf.apply(item);
            if (score != null) {
                double weight = weightOf.applyAsDouble(item);
                weighted += weight * score;
                weights += weight;
                lowest = Math.min(lowest, score);
                highest = Math.max(highest, score);
            }
        }
        if (weights == 0) {
            return null;
        }
        // Rounding can put the quotient a hair outside the scores it averages; a mean never is.
        return Math.min(highest, Math.max(lowest, weighted / weights));
    }

    private static Double mean(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : (a + b) / 2;
    }
}
