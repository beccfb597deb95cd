package org.classreflect.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ProgressPropertiesTest {

    private static final Instant START = Instant.parse("2025-09-01T00:00:00Z");

    /** The next lesson: how many days after the one before (at least one), at what minute of its day, how far up. */
    private record Step(int days, int minuteOfDay, double rise) {
    }

    private static Gen<Step> steps() {
        return integers().between(1, 60).zip(integers().between(0, 24 * 60 - 1), doubles().between(0.01, 50),
                Step::new);
    }

    /** Lessons on different days whose values rise (sign 1) or fall (sign -1) every time. */
    private static List<Progress.Point> series(List<Step> steps, double first, int sign) {
        List<Progress.Point> points = new ArrayList<>();
        Instant day = START;
        double value = first;
        for (Step s : steps) {
            day = day.plus(Duration.ofDays(s.days()));
            value += sign * s.rise();
            points.add(new Progress.Point(day.plus(Duration.ofMinutes(s.minuteOfDay())), value, "a" + points.size()));
        }
        return points;
    }

    @Test
    void aSeriesThatRisesEveryTimeHasARisingTrendAndOneThatFallsAFallingOne() {
        qt().forAll(lists().of(steps()).ofSizeBetween(2, 25), doubles().between(-100, 100))
                .checkAssert((steps, first) -> {
                    assertThat(Progress.Series.of("x", series(steps, first, 1)).trendPer30Days()).isPositive();
                    assertThat(Progress.Series.of("x", series(steps, first, -1)).trendPer30Days()).isNegative();
                });
    }

    @Test
    void movingEveryLessonByWholeDaysLeavesTheTrendUnchanged() {
        qt().forAll(lists().of(steps()).ofSizeBetween(1, 25), integers().between(-3_000, 3_000),
                        integers().between(0, 1))
                .checkAssert((steps, shiftDays, direction) -> {
                    List<Progress.Point> original = series(steps, 50, direction == 0 ? 1 : -1);
                    List<Progress.Point> moved = original.stream().map(p -> new Progress.Point(
                            p.at().plus(Duration.ofDays(shiftDays)), p.value(), p.analysisId())).toList();
                    Double before = Progress.Series.of("x", original).trendPer30Days();
                    Double after = Progress.Series.of("x", moved).trendPer30Days();
                    if (before == null) {
                        assertThat(after).isNull();
                    } else {
                        assertThat(after).isCloseTo(before, within(1e-9 * Math.max(1, Math.abs(before))));
                    }
                });
    }

    @Test
    void theMonthlyRollUpKeepsEveryLessonAndItsTotal() {
        qt().forAll(lists().of(steps()).ofSizeBetween(0, 40)).checkAssert(steps -> {
            List<Progress.Point> points = series(steps, 0, 1);
            List<Progress.Month> months = Progress.Series.of("x", points).monthly();
            assertThat(months.stream().mapToInt(Progress.Month::count).sum()).isEqualTo(points.size());
            assertThat(months.stream().mapToDouble(m -> m.mean() * m.count()).sum())
                    .isCloseTo(points.stream().mapToDouble(Progress.Point::value).sum(), within(1e-6));
            assertThat(months).extracting(Progress.Month::month).isSorted().doesNotHaveDuplicates();
        });
    }
}
