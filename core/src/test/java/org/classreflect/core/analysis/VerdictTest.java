package org.classreflect.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void aScoreAtTheDefaultGoalMeetsItAndTheBandBelowIsApproaching() {
        assertThat(Verdict.of(100.0, 70)).isEqualTo(Verdict.MEETS);
        assertThat(Verdict.of(70.0, 70)).isEqualTo(Verdict.MEETS);
        assertThat(Verdict.of(69.9, 70)).isEqualTo(Verdict.APPROACHING);
        assertThat(Verdict.of(50.0, 70)).isEqualTo(Verdict.APPROACHING);
        assertThat(Verdict.of(49.9, 70)).isEqualTo(Verdict.NOT_YET);
        assertThat(Verdict.of(0.0, 70)).isEqualTo(Verdict.NOT_YET);
    }

    @Test
    void theSchoolsOwnGoalMovesTheVerdicts() {
        assertThat(Verdict.of(85.0, 85)).isEqualTo(Verdict.MEETS);
        assertThat(Verdict.of(75.0, 85)).isEqualTo(Verdict.APPROACHING);
        assertThat(Verdict.of(65.0, 85)).isEqualTo(Verdict.APPROACHING);
        assertThat(Verdict.of(64.9, 85)).isEqualTo(Verdict.NOT_YET);
        assertThat(Verdict.of(55.0, 55)).isEqualTo(Verdict.MEETS);
        assertThat(Verdict.of(34.9, 55)).isEqualTo(Verdict.NOT_YET);
    }

    @Test
    void aCriterionThatCouldNotBeScoredHasNoVerdict() {
        assertThat(Verdict.of(null, 70)).isNull();
    }
}
