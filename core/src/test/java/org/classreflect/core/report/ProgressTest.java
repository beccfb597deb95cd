package org.classreflect.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static Progress.Point on(String day, double value) {
        return at(day + "T09:00:00Z", value);
    }

    private static Progress.Point at(String instant, double value) {
        return new Progress.Point(Instant.parse(instant), value, "a-" + instant);
    }

    private static Double trend(Progress.Point... points) {
        return Progress.Series.of("x", List.of(points)).trendPer30Days();
    }

    @Test
    void theTrendIsTheLeastSquaresSlopePerThirtyDays() {
        var series = Progress.Series.of("Wait time", List.of(on("2026-03-01", 40), on("2026-03-15", 51),
                on("2026-03-29", 58), on("2026-04-12", 71)));
        // x in days: 0, 14, 28, 42; least squares by hand: slope = 0.7143 per day
        assertThat(series.trendPer30Days()).isCloseTo(0.714_285_7 * 30, within(1e-4));
    }

    @Test
    void aSteadyRiseOfOnePointADayIsThirtyPerThirtyDays() {
        assertThat(trend(on("2026-01-01", 10), on("2026-01-11", 20), on("2026-01-21", 30)))
                .isCloseTo(30.0, within(1e-9));
    }

    @Test
    void aFallIsNegative() {
        // 90, 60, 30 a month apart: -30 per 30 days
        assertThat(trend(on("2026-01-01", 90), on("2026-01-31", 60), on("2026-03-02", 30)))
                .isCloseTo(-30.0, within(1e-9));
    }

    @Test
    void theSameScoreEveryTimeIsFlat() {
        assertThat(trend(on("2026-01-05", 50), on("2026-02-09", 50), on("2026-06-30", 50))).isZero();
    }

    @Test
    void oneLessonOrOneDayHasNoTrend() {
        assertThat(trend(on("2026-03-01", 40))).isNull();
        assertThat(trend(on("2026-03-01", 40), on("2026-03-01", 60))).isNull();
        assertThat(trend(at("2026-03-01T08:00:00Z", 40), at("2026-03-01T15:30:00Z", 90)))
                .as("two lessons hours apart on one day make no trend").isNull();
        assertThat(Progress.Series.of("x", List.of()).trendPer30Days()).isNull();
    }

    @Test
    void lessonsOfOneDayCountOnThatDay() {
        // x: 0, 0, 30; y: 10, 30, 40 -> mean x 10, mean y 80/3; sxy = 400, sxx = 600: 2/3 per day
        assertThat(trend(at("2026-03-01T09:00:00Z", 10), at("2026-03-01T15:00:00Z", 30),
                at("2026-03-31T09:00:00Z", 40))).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void monthsAreRolledUpAsMeansInOrder() {
        var series = Progress.Series.of("x", List.of(on("2026-04-02", 10), on("2026-03-01", 40),
                on("2026-03-20", 60)));
        assertThat(series.monthly()).containsExactly(new Progress.Month("2026-03", 50, 2),
                new Progress.Month("2026-04", 10, 1));
    }

    @Test
    void severalLessonsAMonthAreAveragedInTheirUtcMonthAndEmptyMonthsAreLeftOut() {
        var series = Progress.Series.of("x", List.of(
                at("2026-01-01T00:00:00Z", 10), at("2026-01-15T09:00:00Z", 20), at("2026-01-31T23:59:59Z", 60),
                at("2026-03-31T22:30:00Z", 5), // 1 April 00:30 in Paris, still March in UTC
                at("2026-04-01T00:00:00Z", 70), at("2026-04-30T12:00:00Z", 80), at("2027-01-10T09:00:00Z", 1)));
        assertThat(series.monthly()).containsExactly(new Progress.Month("2026-01", 30, 3),
                new Progress.Month("2026-03", 5, 1), new Progress.Month("2026-04", 75, 2),
                new Progress.Month("2027-01", 1, 1));
    }
}
