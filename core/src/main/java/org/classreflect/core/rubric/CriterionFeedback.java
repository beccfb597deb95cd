package org.classreflect.core.rubric;

import java.util.List;
import java.util.Objects;

/** The model's judgement of one criterion: a score 0..100, feedback, the evidence for it, and one next step. */
public record CriterionFeedback(String criterion, int score, String feedback, List<Evidence> evidence,
                                String nextStep) {

    public CriterionFeedback {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(feedback, "feedback");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(nextStep, "nextStep");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0..100");
        }
    }
}
