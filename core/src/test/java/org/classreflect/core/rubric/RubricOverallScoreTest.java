package org.classreflect.core.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;

class RubricOverallScoreTest {

    private static CriterionFeedback scored(String name, int score) {
        return new CriterionFeedback(name, score, "f", List.of(), "n");
    }

    @Test
    void weighsEachScoreByItsCriterionsWeight() {
        List<RubricCriterion> criteria = List.of(new RubricCriterion("a", 3, ""), new RubricCriterion("b", 1, ""));
        // unweighted, as some providers computed it, this would be 60
        assertThat(RubricFeedback.overallScore(criteria, List.of(scored("b", 40), scored("a", 80))))
                .isCloseTo(70.0, within(1e-9));
    }

    @Test
    void equalWeightsGiveThePlainMeanAndTheScaleOfWeightsDoesNotMatter() {
        qt().forAll(integers().between(0, 100), integers().between(0, 100), integers().between(1, 1000))
                .checkAssert((x, y, w) -> assertThat(RubricFeedback.overallScore(
                        List.of(new RubricCriterion("a", w, ""), new RubricCriterion("b", w, "")),
                        List.of(scored("a", x), scored("b", y)))).isCloseTo((x + y) / 2.0, within(1e-9)));
    }

    @Test
    void aCriterionWithoutAScoreIsAnErrorNotAZero() {
        List<RubricCriterion> criteria = List.of(new RubricCriterion("a", 1, ""), new RubricCriterion("b", 1, ""));
        assertThatThrownBy(() -> RubricFeedback.overallScore(criteria, List.of(scored("a", 50))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b has no score");
    }
}
