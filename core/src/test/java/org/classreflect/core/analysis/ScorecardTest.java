package org.classreflect.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classreflect.core.metrics.LessonMeasurer;
import org.classreflect.core.metrics.LessonMetrics;
import org.classreflect.core.metrics.Lessons;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.core.template.Template;
import org.classreflect.core.template.TemplateRulesTest;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    private final LessonMetrics plants = new LessonMeasurer().measure(Lessons.PLANTS,
            Lessons.confident(Lessons.PLANTS_SPEAKERS));

    @Test
    void theOverallScoreLiesBetweenTheLowestAndHighestCriterionScore() {
        qt().forAll(lists().of(integers().between(1, 100).zip(doubles().between(0, 100), Map::entry))
                        .ofSizeBetween(1, 12))
                .checkAssert(criteria -> {
                    List<Integer> weights = criteria.stream().map(Map.Entry::getKey).toList();
                    Template template = TemplateRulesTest.judgedTemplate(weights);
                    Map<String, Double> judged = new HashMap<>();
                    for (int i = 0; i < criteria.size(); i++) {
                        judged.put("criterion " + i, criteria.get(i).getValue());
                    }
                    Scorecard card = Scorecard.score(template, plants, judged);
                    double lowest = judged.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                    double highest = judged.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                    assertThat(card.overall()).isBetween(lowest, highest);
                });
    }

    @Test
    void scoresMeasuredCriteriaAgainstTheirTargetsAndWeighsThem() {
        // plants: mean wait 2.75 s (target >= 3, falloff 2: 100 * (1 - 0.25/2) = 87.5), open share 1/3 (>= 0.3:
        // 100), 5.37 questions/min (0.5..3, falloff 0.5: 0), quality judged 60.
        Scorecard card = Scorecard.score(StarterTemplates.QUESTIONING_AND_WAIT_TIME, plants,
                Map.of("Quality of questioning", 60.0));

        assertThat(card.criteria()).extracting(CriterionScore::score).containsExactly(87.5, 100.0, 0.0, 60.0);
        assertThat(card.overall()).isCloseTo((30 * 87.5 + 25 * 100 + 15 * 0 + 30 * 60) / 100.0, within(1e-9));
        assertThat(card.criteria().get(0).evidence()).hasSize(2);
    }

    @Test
    void aCriterionWithNothingToScoreIsLeftOutAndTheOthersRenormalised() {
        LessonMetrics unsure = new LessonMeasurer().measure(Lessons.PLANTS, Lessons.unsure(Lessons.PLANTS_SPEAKERS));

        Scorecard card = Scorecard.score(StarterTemplates.STUDENT_VOICE_AND_ENGAGEMENT, unsure, Map.of());

        // talk share unmeasured, uptake not judged: monologue 10 s (100) weight 15, praise 2 (100) weight 20
        assertThat(card.criteria()).extracting(CriterionScore::score).containsExactly(null, 100.0, 100.0, null);
        assertThat(card.overall()).isEqualTo(100.0);
        assertThat(card.criteria().get(0).measuredValue()).isNull();
    }

    @Test
    void aCriterionBothMeasuredAndJudgedAveragesItsParts() {
        Scorecard card = Scorecard.score(StarterTemplates.STUDENT_VOICE_AND_ENGAGEMENT, plants,
                Map.of("Encouragement and praise", 40.0));

        CriterionScore praise = card.criteria().get(2);
        assertThat(praise.measuredScore()).isEqualTo(100.0);
        assertThat(praise.judgedScore()).isEqualTo(40.0);
        assertThat(praise.score()).isEqualTo(70.0);
    }
}
