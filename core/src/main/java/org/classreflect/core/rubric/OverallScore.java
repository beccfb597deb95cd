package org.classreflect.core.rubric;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The overall score of a lesson: the mean of the criterion scores weighted by the criteria's weights. */
public final class OverallScore {

    private OverallScore() {
    }

    /**
     * @throws IllegalArgumentException when a criterion has no score, so a missing score is never counted as zero
     */
    public static double weightedMean(List<RubricCriterion> criteria, List<CriterionFeedback> feedback) {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("no criteria to score");
        }
        Map<String, Integer> scores = new HashMap<>();
        for (CriterionFeedback f : feedback) {
            scores.put(f.criterion(), f.score());
        }
        double weighted = 0;
        double totalWeight = 0;
        for (RubricCriterion c : criteria) {
            Integer score = scores.get(c.name());
            if (score == null) {
                throw new IllegalArgumentException("criterion " + c.name() + " has no score");
            }
            weighted += c.weight() * score;
            totalWeight += c.weight();
        }
        return weighted / totalWeight;
    }
}
