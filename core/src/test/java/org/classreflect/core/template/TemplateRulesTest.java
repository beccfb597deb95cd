package org.classreflect.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.metrics.Metric;
import org.junit.jupiter.api.Test;

public class TemplateRulesTest {

    @Test
    void theStarterTemplatesAreValid() {
        assertThat(StarterTemplates.ALL).allSatisfy(t -> {
            assertThat(TemplateRules.validate(t).isOk()).as(t.name()).isTrue();
            assertThat(t.isGlobal()).isTrue();
        });
    }

    @Test
    void weightsThatDoNotAddUpToOneHundredAreAlwaysRefused() {
        qt().forAll(lists().of(integers().between(-50, 150)).ofSizeBetween(1, 8))
                .assuming(weights -> weights.stream().mapToInt(Integer::intValue).sum() != 100)
                .checkAssert(weights -> assertThat(TemplateRules.validate(judgedTemplate(weights)))
                        .isInstanceOf(Result.Rejected.class));
    }

    @Test
    void positiveWeightsThatAddUpToOneHundredAreAccepted() {
        qt().forAll(lists().of(integers().between(1, 99)).ofSizeBetween(0, 10))
                .checkAssert(cuts -> {
                    List<Integer> weights = new ArrayList<>();
                    int previous = 0;
                    for (int cut : new TreeSet<>(cuts)) {
                        weights.add(cut - previous);
                        previous = cut;
                    }
                    weights.add(100 - previous);
                    assertThat(TemplateRules.validate(judgedTemplate(weights)).isOk()).isTrue();
                });
    }

    @Test
    void namesTheProblem() {
        assertThat(problem(judgedTemplate(List.of(60, 30)))).isEqualTo("criterion weights must add up to 100, not 90");
        assertThat(problem(template(List.of(Criterion.judged("A", 50, "x"), Criterion.judged("a", 50, "y")))))
                .isEqualTo("criterion 'a' appears twice");
        assertThat(problem(template(List.of(new Criterion("A", 100, null, " ")))))
                .isEqualTo("criterion 'A' must be measured, judged, or both");
        assertThat(problem(template(List.of(Criterion.measured("A", 100, new MeasuredTarget(
                Metric.SPEAKING_RATE_WPM, TargetRange.between(160.0, 120.0), ScoringCurve.step()))))))
                .isEqualTo("criterion 'A': the target's minimum is above its maximum");
        assertThat(problem(template(List.of(Criterion.measured("A", 100, new MeasuredTarget(
                Metric.SPEAKING_RATE_WPM, TargetRange.atLeast(120), ScoringCurve.linear(0)))))))
                .isEqualTo("criterion 'A': a linear scoring curve needs a positive falloff");
        assertThat(problem(template(List.of()))).isEqualTo("a template needs at least one criterion");
    }

    private static String problem(Template template) {
        Rejection r = ((Result.Rejected<Template>) TemplateRules.validate(template)).rejection();
        assertThat(r.reason()).isEqualTo(Rejection.Reason.INVALID_INPUT);
        return r.message();
    }

    public static Template judgedTemplate(List<Integer> weights) {
        List<Criterion> criteria = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            criteria.add(Criterion.judged("criterion " + i, weights.get(i), "judge " + i));
        }
        return template(criteria);
    }

    static Template template(List<Criterion> criteria) {
        return new Template("t1", "s1", "Mine", "", "questioning", Set.of("science"), Set.of("5"), 1, criteria);
    }
}
