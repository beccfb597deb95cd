package org.classreflect.worker.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchoolDayTest {

    @Test
    void theDefaultAfternoonHasThreeHundredLessonsInTheWindow() {
        List<Upload> uploads = SchoolDay.DEFAULT.uploads();
        assertThat(uploads).hasSize(300)
                .isSortedAccordingTo(Comparator.comparingDouble(Upload::atSeconds))
                .allSatisfy(u -> {
                    assertThat(u.atSeconds()).isBetween(0.0, 2 * 3600.0);
                    assertThat(u.audioSeconds()).isBetween(20 * 60.0, 60 * 60.0);
                });
        double meanMinutes = uploads.stream().mapToDouble(Upload::audioSeconds).average().orElseThrow() / 60;
        assertThat(meanMinutes).isBetween(36.0, 44.0);
    }

    @Test
    void theSeedDecidesTheDay() {
        SchoolDay other = new SchoolDay(300, LocalTime.of(15, 0), LocalTime.of(17, 0), Duration.ofMinutes(20),
                Duration.ofMinutes(60), 43);
        assertThat(SchoolDay.DEFAULT.uploads()).isEqualTo(SchoolDay.DEFAULT.uploads()).isNotEqualTo(other.uploads());
    }
}
