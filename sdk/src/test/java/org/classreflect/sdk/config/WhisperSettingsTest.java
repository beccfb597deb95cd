package org.classreflect.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.classreflect.adapters.speech.whisper.WhisperParameters;
import org.junit.jupiter.api.Test;

class WhisperSettingsTest {

    @Test
    void defaultsDetectTheLanguageUseEveryProcessorAndKeepModelsBesideTheDefaultModel() {
        Settings s = Settings.from(Map.of("CLASSREFLECT_DATA_DIR", "/srv/cr"), Map.of());

        WhisperParameters p = WhisperSettings.parameters(s);

        assertThat(p.language()).isEqualTo("auto");
        assertThat(p.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(p.prompt()).isEmpty();
        assertThat(p.temperatureStep()).isEqualTo(0.2f);
        assertThat(p.noSpeechThreshold()).isEqualTo(0.6f);
        assertThat(p.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(WhisperSettings.modelsDir(s)).isEqualTo(Path.of("/srv/cr/models"));
        assertThat(WhisperSettings.modelsUrl(s))
                .isEqualTo(URI.create("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/"));
    }

    @Test
    void eachParameterCanBeSet() {
        Settings s = Settings.from(Map.of("CLASSREFLECT_WHISPER_LANGUAGE", "fr", "CLASSREFLECT_WHISPER_THREADS", "3",
                "CLASSREFLECT_WHISPER_PROMPT", "Photosynthesis, chlorophyll", "CLASSREFLECT_WHISPER_TEMPERATURE_STEP",
                "0", "CLASSREFLECT_WHISPER_NO_SPEECH_THRESHOLD", "0.45", "CLASSREFLECT_WHISPER_WINDOW", "90s",
                "CLASSREFLECT_MODELS_DIR", "/opt/models"), Map.of());

        assertThat(WhisperSettings.parameters(s)).isEqualTo(new WhisperParameters("fr", 3,
                "Photosynthesis, chlorophyll", 0f, 0.45f, Duration.ofSeconds(90)));
        assertThat(WhisperSettings.modelsDir(s)).isEqualTo(Path.of("/opt/models"));
    }

    @Test
    void badValuesNameTheSetting() {
        Settings s = Settings.from(Map.of(), Map.of());

        assertThatThrownBy(() -> WhisperSettings.parameters(s.with(Setting.WHISPER_NO_SPEECH_THRESHOLD, "high")))
                .hasMessageContaining("CLASSREFLECT_WHISPER_NO_SPEECH_THRESHOLD");
        assertThatThrownBy(() -> WhisperSettings.parameters(s.with(Setting.WHISPER_NO_SPEECH_THRESHOLD, "7")))
                .hasMessageContaining("CLASSREFLECT_WHISPER_").hasMessageContaining("no-speech threshold");
        assertThatThrownBy(() -> WhisperSettings.parameters(s.with(Setting.WHISPER_WINDOW, "1s")))
                .hasMessageContaining("window");
    }
}
