package org.classreflect.core.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

    private final RetentionSettings settings = new RetentionSettings(Duration.ofHours(24), Duration.ofDays(30),
            Duration.ofDays(1));

    @Test
    void aSchoolWithoutAChoiceGetsTheInstallationsPeriodAndAChoiceAboveTheMaximumIsCut() {
        assertThat(settings.audioRetentionFor(null)).isEqualTo(Duration.ofHours(24));
        assertThat(settings.audioRetentionFor(Duration.ofHours(3))).isEqualTo(Duration.ofHours(3));
        assertThat(settings.audioRetentionFor(Duration.ofDays(31))).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aSchoolMayChooseFromOneHourToTheMaximum() {
        assertThat(settings.problemWith(Duration.ofHours(1))).isEmpty();
        assertThat(settings.problemWith(Duration.ofDays(30))).isEmpty();
        assertThat(settings.problemWith(Duration.ofMinutes(59))).contains("audio retention must be at least 1 hour");
        assertThat(settings.problemWith(Duration.ofHours(-5))).contains("audio retention must be at least 1 hour");
        assertThat(settings.problemWith(Duration.ofDays(30).plusHours(1)))
                .contains("audio retention cannot be longer than 720 hours, the longest this installation allows");
    }

    @Test
    void theMaximumItselfIsAtLeastOneHour() {
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofHours(24), Duration.ofMinutes(30),
                Duration.ofDays(1))).hasMessageContaining("one hour");
    }
}
