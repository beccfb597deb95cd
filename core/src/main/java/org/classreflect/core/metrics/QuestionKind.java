package org.classreflect.core.metrics;

/** Open questions invite explanation or several answers; closed ones have one short answer (yes/no, a name, a date). */
public enum QuestionKind {
    OPEN, CLOSED
}
