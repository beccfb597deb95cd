package org.classreflect.core.metrics;

/**
 * Every measured metric, with its unit and whether it reads the recognised words (counts words, finds questions or
 * phrases) rather than only when speech happened. Definitions: docs/analysis.md.
 */
public enum Metric {
    SPEAKING_SECONDS("s", false),
    SILENCE_SHARE("ratio", false),
    SPEAKING_RATE_WPM("words/min", true),
    PAUSE_MEAN_SECONDS("s", false),
    PAUSE_MEDIAN_SECONDS("s", false),
    PAUSE_P90_SECONDS("s", false),
    LONG_PAUSE_COUNT("count", false),
    LONGEST_PAUSE_SECONDS("s", false),
    QUESTION_COUNT("count", true),
    QUESTIONS_PER_MINUTE("1/min", true),
    OPEN_QUESTION_COUNT("count", true),
    CLOSED_QUESTION_COUNT("count", true),
    OPEN_QUESTION_SHARE("ratio", true),
    WAIT_TIME_MEAN_SECONDS("s", true),
    LONGEST_MONOLOGUE_SECONDS("s", false),
    FILLERS_PER_100_WORDS("per 100 words", true),
    PRAISE_COUNT("count", true),
    CHECK_FOR_UNDERSTANDING_COUNT("count", true),
    TEACHER_TALK_SHARE("ratio", false),
    STUDENT_TALK_SHARE("ratio", false);

    private final String unit;
    private final boolean readsWords;

    Metric(String unit, boolean readsWords) {
        this.unit = unit;
        this.readsWords = readsWords;
    }

    public String unit() {
        return unit;
    }

    /** True when a wrongly recognised word can change the value (see {@link TranscriptQuality}). */
    public boolean readsWords() {
        return readsWords;
    }
}
