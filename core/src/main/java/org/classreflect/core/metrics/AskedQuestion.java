package org.classreflect.core.metrics;

import java.util.Objects;

/**
 * A question found in the lesson: the utterance that holds it, its kind, who asked it (when speakers are known), and
 * the wait time, the silence until anyone speaks next (null for a question nothing follows).
 */
public record AskedQuestion(Excerpt utterance, String question, QuestionKind kind, Speaker askedBy,
                            Double waitSeconds) {

    public AskedQuestion {
        Objects.requireNonNull(utterance, "utterance");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(kind, "kind");
    }
}
