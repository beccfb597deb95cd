package org.classreflect.core.common;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The one weighted mean in ClassReflect: a scorecard's overall score and rubric feedback's both come from here. */
public final class WeightedMean {

    private WeightedMean() {
    }

    /** The weighted mean of the items that have a score; null when none has. */
    public static <T> Double of(List<T> items, ToDoubleFunction<T> weightOf, Function<T, Double> scoreOf) {
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
}
