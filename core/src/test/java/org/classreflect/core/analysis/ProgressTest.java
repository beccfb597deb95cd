package org.classreflect.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static Progress.Point on(String day, double value) {
        return new Progress.Point(Instant.parse(day + "T09:00:00Z"), value, "a-" + day);
    }

    @Test
    void theTrendIsTheLeastSquaresSlopePerThirtyDays() {
        var series = Progress.Series.of("Wait time", List.of(on("2026-03-01", 40), on("2026-03-15", 51),
                on("2026-03-29", 58), on("2026-04-12", 71)));
        // x in days: 0, 14, 28, 42; least squares by hand: slope = 0.7143 per day
        assertThat(series.trendPer30Days()).isCloseTo(0.714_285_7 * 30, within(1e-4));
    }

    @Test
    void oneLessonOrOneDayHasNoTrend() {
        assertThat(Progress.Series.of("x", List.of(on("2026-03-01", 40))).trendPer30Days()).isNull();
        assertThat(Progress.Series.of("x", List.of(on("2026-03-01", 40), on("2026-03-01", 60))).trendPer30Days())
                .isNull();
    }

    @Test
    void monthsAreRolledUpAsMeansInOrder() {
        var series = Progress.Series.of("x", List.of(on("2026-04-02", 10), on("2026-03-01", 40),
                on("2026-03-20", 60)));
        assertThat(series.monthly()).containsExactly(new Progress.Month("2026-03", 50, 2),
                new Progress.Month("2026-04", 10, 1));
    }
}
