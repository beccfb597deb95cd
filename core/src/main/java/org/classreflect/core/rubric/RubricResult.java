package org.classreflect.core.rubric;

import java.util.List;

/**
 * Validated feedback: one entry per criterion in the order of the request, the lesson's strengths and the
 * improvements to make, and the overall score, which is the weighted mean computed here, never by the model.
 */
public record RubricResult(List<CriterionFeedback> criteria, List<String> strengths, List<String> improvements,
                           double overallScore) {

    public RubricResult {
        criteria = List.copyOf(criteria);
        strengths = List.copyOf(strengths);
        improvements = List.copyOf(improvements);
    }
}
