package org.classreflect.core.metrics;

/** Every measured metric, with its unit. Definitions: docs/analysis.md. */
public enum Metric {
    SPEAKING_SECONDS("s"),
    SILENCE_SHARE("ratio"),
    SPEAKING_RATE_WPM("words/min"),
    PAUSE_MEAN_SECONDS("s"),
    PAUSE_MEDIAN_SECONDS("s"),
    PAUSE_P90_SECONDS("s"),
    LONG_PAUSE_COUNT("count"),
    LONGEST_PAUSE_SECONDS("s"),
    QUESTION_COUNT("count"),
    QUESTIONS_PER_MINUTE("1/min"),
    OPEN_QUESTION_COUNT("count"),
    CLOSED_QUESTION_COUNT("count"),
    OPEN_QUESTION_SHARE("ratio"),
    WAIT_TIME_MEAN_SECONDS("s"),
    LONGEST_MONOLOGUE_SECONDS("s"),
    FILLERS_PER_100_WORDS("per 100 words"),
    PRAISE_COUNT("count"),
    CHECK_FOR_UNDERSTANDING_COUNT("count"),
    TEACHER_TALK_SHARE("ratio"),
    STUDENT_TALK_SHARE("ratio");

    private final String unit;

    Metric(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}
