package org.classreflect.core.metrics;

import java.util.Objects;

/** The question sentence(s) found in one utterance and their kind (open when any of them is open). */
public record DetectedQuestion(String text, QuestionKind kind) {

    public DetectedQuestion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }
}
