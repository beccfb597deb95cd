package org.classreflect.core.rubric;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Everything the model is shown: the criteria to judge, the class, the measured metrics and the transcript. */
public record RubricRequest(List<RubricCriterion> criteria, ClassContext context, List<MeasuredMetric> metrics,
                           List<TranscriptExcerpt> excerpts) {

    public RubricRequest {
        criteria = List.copyOf(criteria);
        Objects.requireNonNull(context, "context");
        metrics = List.copyOf(metrics);
        excerpts = List.copyOf(excerpts);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("at least one criterion must be judged");
        }
        Set<String> names = new HashSet<>();
        for (RubricCriterion c : criteria) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("criterion " + c.name() + " is listed twice");
            }
        }
        if (excerpts.isEmpty()) {
            throw new IllegalArgumentException("the transcript has no excerpts to judge");
        }
    }
}
