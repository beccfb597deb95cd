package org.classreflect.core.analysis;

/**
 * A criterion's score said in words, for readers who see no numbers (a school that hides scores from teachers) and
 * beside the number for everyone else. Scores run 0..100; a criterion meets the goal at or above the school's goal
 * (its settings' {@code scoreGoal}) and is approaching it within {@link #APPROACHING_BAND} points below.
 */
public enum Verdict {
    MEETS("meets"),
    APPROACHING("approaching"),
    NOT_YET("not_yet");

    /** How far below the goal a criterion not met yet is still on its way there. */
    public static final double APPROACHING_BAND = 20;

    private final String wireName;

    Verdict(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The verdict on a score against the school's goal, or null for a criterion that could not be scored. */
    public static Verdict of(Double score, double goal) {
        if (score == null) {
            return null;
        }
        if (score >= goal) {
            return MEETS;
        }
        return score >= goal - APPROACHING_BAND ? APPROACHING : NOT_YET;
    }
}
