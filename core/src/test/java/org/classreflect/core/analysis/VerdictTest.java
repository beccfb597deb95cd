package org.classreflect.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void aScoreAtTheGoalMeetsItAndTheBandBelowIsApproaching() {
        assertThat(Verdict.of(100.0)).isEqualTo(Verdict.MEETS);
        assertThat(Verdict.of(70.0)).isEqualTo(Verdict.MEETS);
        assertThat(Verdict.of(69.9)).isEqualTo(Verdict.APPROACHING);
        assertThat(Verdict.of(50.0)).isEqualTo(Verdict.APPROACHING);
        assertThat(Verdict.of(49.9)).isEqualTo(Verdict.NOT_YET);
        assertThat(Verdict.of(0.0)).isEqualTo(Verdict.NOT_YET);
    }

    @Test
    void aCriterionThatCouldNotBeScoredHasNoVerdict() {
        assertThat(Verdict.of(null)).isNull();
    }
}
