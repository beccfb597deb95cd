package org.classreflect.core.rubric;

import java.util.Objects;

/** One criterion the model judges: its name (as the model must repeat it), its weight in the overall score, and what it means. */
public record RubricCriterion(String name, double weight, String description) {

    public RubricCriterion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a criterion needs a name");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("the weight of criterion " + name + " must be a positive number");
        }
    }
}
