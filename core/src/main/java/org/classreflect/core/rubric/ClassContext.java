package org.classreflect.core.rubric;

import java.util.Objects;

/** What the lesson was: subject and grade, as the school names them. */
public record ClassContext(String subject, String grade) {

    public ClassContext {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(grade, "grade");
    }
}
