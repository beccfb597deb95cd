package org.classreflect.core.metrics;

/** Who is speaking in an utterance, as far as the audio tells: the teacher, or one of the students. */
public enum Speaker {
    TEACHER, STUDENT
}
