package org.classreflect.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void environmentWinsOverPropertiesAndDefaultsFillTheRest() {
        Settings s = Settings.from(Map.of("CLASSREFLECT_PORT", "9090"),
                Map.of("classreflect.port", "7070", "classreflect.token.ttl", "2h"));
        assertThat(s.integer(Setting.PORT)).isEqualTo(9090);
        assertThat(s.duration(Setting.TOKEN_TTL)).isEqualTo(Duration.ofHours(2));
        assertThat(s.duration(Setting.AUDIO_RETENTION)).isEqualTo(Duration.ofHours(24));
        assertThat(s.maxUploadBytes()).isEqualTo(500L * 1024 * 1024);
        assertThat(s.optional(Setting.DB_URL)).isEmpty();
    }

    @Test
    void derivedPathsFollowTheDataDirectoryUnlessSetThemselves() {
        Settings s = Settings.from(Map.of("CLASSREFLECT_DATA_DIR", "/srv/cr"), Map.of());
        assertThat(s.audioDir()).isEqualTo(Path.of("/srv/cr/audio"));
        assertThat(s.whisperModel()).isEqualTo(Path.of("/srv/cr/models/ggml-base.en.bin"));
        assertThat(s.with(Setting.AUDIO_DIR, "/mnt/audio").audioDir()).isEqualTo(Path.of("/mnt/audio"));
    }

    @Test
    void durationsTakeShortFormsAndIso8601AndBadValuesNameTheSetting() {
        Settings s = Settings.from(Map.of(), Map.of());
        assertThat(s.with(Setting.WORKER_LEASE, "500ms").duration(Setting.WORKER_LEASE)).isEqualTo(Duration.ofMillis(500));
        assertThat(s.with(Setting.WORKER_LEASE, "7d").duration(Setting.WORKER_LEASE)).isEqualTo(Duration.ofDays(7));
        assertThat(s.with(Setting.WORKER_LEASE, "PT1H").duration(Setting.WORKER_LEASE)).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> s.with(Setting.WORKER_LEASE, "soon").duration(Setting.WORKER_LEASE))
                .hasMessageContaining("CLASSREFLECT_WORKER_LEASE");
        assertThatThrownBy(() -> s.with(Setting.PORT, "eighty").integer(Setting.PORT))
                .hasMessageContaining("CLASSREFLECT_PORT");
    }

    @Test
    void theReadmeDocumentsEverySetting() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("classreflect.root",
                ".."), "README.md"));
        for (Setting setting : Setting.values()) {
            assertThat(readme).as(setting.environmentName()).contains("`" + setting.environmentName() + "`");
        }
    }
}
