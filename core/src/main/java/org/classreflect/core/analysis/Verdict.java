package org.classreflect.core.analysis;

/**
 * A criterion's score said in words, for readers who see no numbers (a school that hides scores from teachers) and
 * beside the number for everyone else. Scores run 0..100; {@link #GOAL} is where a criterion counts as met.
 */
public enum Verdict {
    MEETS("meets"),
    APPROACHING("approaching"),
    NOT_YET("not_yet");

    /** The score from which a criterion is met: the goal line drawn on every score. */
    public static final double GOAL = 70;
    /** The score from which a criterion not met yet is on its way there. */
    public static final double APPROACHING_FROM = 50;

    private final String wireName;

    Verdict(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The verdict on a score, or null for a criterion that could not be scored. */
    public static Verdict of(Double score) {
        if (score == null) {
            return null;
        }
        if (score >= GOAL) {
            return MEETS;
        }
        return score >= APPROACHING_FROM ? APPROACHING : NOT_YET;
    }
}
