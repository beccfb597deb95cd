package org.classreflect.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.User;
import org.junit.jupiter.api.Test;

class SchoolDashboardSupportRuleTest {

    private static final Instant T0 = Instant.parse("2026-09-01T09:00:00Z");
    private static final User TEACHER = new User("t", "s", "t@s.example", "Tia", Role.TEACHER, "h", true, false, T0, null);

    /** One lesson a week with these overall scores, oldest first. */
    private static List<Progress.Point> weekly(double... scores) {
        List<Progress.Point> points = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            points.add(new Progress.Point(T0.plus(Duration.ofDays(7L * i)), scores[i], "a" + i));
        }
        return points;
    }

    @Test
    void fewerThanThreeLessonsNeverRaiseAConcern() {
        assertThat(SchoolDashboard.concernFor(TEACHER, weekly(10, 12))).isEmpty();
    }

    @Test
    void aLowAverageOverTheLastFiveLessonsIsAConcern() {
        var concern = SchoolDashboard.concernFor(TEACHER, weekly(95, 95, 55, 58, 57, 59, 56)).orElseThrow();

        assertThat(concern.reasons()).containsExactly("low_average");
        assertThat(concern.recentLessons()).isEqualTo(5);
        assertThat(concern.recentAverage()).isEqualTo(57.0);
    }

    @Test
    void aFallingTrendIsAConcernEvenWithAGoodAverage() {
        var concern = SchoolDashboard.concernFor(TEACHER, weekly(95, 88, 81, 74)).orElseThrow();

        assertThat(concern.reasons()).containsExactly("falling");
        assertThat(concern.trendPer30Days()).isLessThan(-10);
    }

    @Test
    void steadyGoodScoresAndOldLowOnesAreNoConcern() {
        assertThat(SchoolDashboard.concernFor(TEACHER, weekly(80, 82, 79, 81))).isEmpty();
        assertThat(SchoolDashboard.concernFor(TEACHER, weekly(20, 30, 80, 82, 79, 81, 80))).isEmpty();
    }
}
