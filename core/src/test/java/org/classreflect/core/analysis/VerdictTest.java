package org.classreflect.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictTest {

    @ParameterizedTest(name = "{0} against a goal of {1}: {2}")
    @CsvSource({
            "100, 70, MEETS", "70, 70, MEETS", "69.9, 70, APPROACHING", "50, 70, APPROACHING", "49.9, 70, NOT_YET",
            "0, 70, NOT_YET",
            // a school's own goal moves every verdict with it
            "85, 85, MEETS", "75, 85, APPROACHING", "65, 85, APPROACHING", "64.9, 85, NOT_YET", "55, 55, MEETS",
            "35, 55, APPROACHING", "34.9, 55, NOT_YET"})
    void aScoreAtTheSchoolsGoalMeetsItAndTheBandBelowIsApproaching(double score, double goal, Verdict expected) {
        assertThat(Verdict.of(score, goal)).isEqualTo(expected);
    }

    @Test
    void aCriterionThatCouldNotBeScoredHasNoVerdict() {
        assertThat(Verdict.of(null, 70)).isNull();
    }
}
