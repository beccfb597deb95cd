package org.classreflect.core.rubric;

import java.util.List;

/** No valid feedback could be had; the message and {@link #problems()} say why. */
public final class RubricAnalysisException extends Exception {

    private final List<String> problems;

    public RubricAnalysisException(String message, List<String> problems) {
        super(message + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
        this.problems = List.copyOf(problems);
    }

    public RubricAnalysisException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.problems = List.of();
    }

    /** The problems found in the model's last answer; empty when the model could not be reached at all. */
    public List<String> problems() {
        return problems;
    }
}
