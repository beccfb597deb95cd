package org.classreflect.sdk.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.classreflect.adapters.speech.pocketsphinx.PocketsphinxTranscriber;
import org.classreflect.adapters.speech.whisper.WhisperTranscriber;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.junit.jupiter.api.Test;

class TranscribersTest {

    private final Settings defaults = Settings.from(Map.of(), Map.of());

    @Test
    void theEngineSettingChoosesTheTranscriberAndWhisperIsTheDefault() {
        assertThat(Transcribers.fromSettings(defaults)).isInstanceOf(WhisperTranscriber.class);
        assertThat(Transcribers.fromSettings(defaults.with(Setting.ENGINE, "pocketsphinx")))
                .isInstanceOf(PocketsphinxTranscriber.class);
        assertThat(Transcribers.fromSettings(Settings.from(Map.of("CLASSREFLECT_ENGINE", "pocketsphinx"), Map.of())))
                .isInstanceOf(PocketsphinxTranscriber.class);
    }

    @Test
    void anUnknownEngineFailsAtStartNamingTheSetting() {
        assertThatThrownBy(() -> Transcribers.fromSettings(defaults.with(Setting.ENGINE, "vosk")))
                .hasMessageContaining("CLASSREFLECT_ENGINE").hasMessageContaining("vosk");
    }
}
