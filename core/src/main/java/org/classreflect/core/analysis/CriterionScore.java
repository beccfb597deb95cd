package org.classreflect.core.analysis;

import java.util.List;
import org.classreflect.core.metrics.Excerpt;

/**
 * A criterion's score 0..100: the mean of its measured and judged parts that could be scored, or null when neither
 * could (the metric had nothing to measure and no judgement was given). The evidence is the metric's.
 */
public record CriterionScore(String criterion, int weight, Double measuredValue, Double measuredScore,
                             Double judgedScore, Double score, List<Excerpt> evidence) {

    public CriterionScore {
        evidence = List.copyOf(evidence);
    }
}
