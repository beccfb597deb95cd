package org.classreflect.sdk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.classreflect.adapters.speech.whisper.WhisperParameters;

/** The Whisper settings, typed; bad values fail with a message naming the setting. */
public final class WhisperSettings {

    private WhisperSettings() {
    }

    public static Path modelsDir(Settings settings) {
        return settings.optional(Setting.MODELS_DIR).map(Path::of)
                .orElseGet(() -> settings.whisperModel().toAbsolutePath().getParent());
    }

    public static URI modelsUrl(Settings settings) {
        try {
            return URI.create(settings.text(Setting.MODELS_URL));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Setting.MODELS_URL.environmentName() + " must be a URL", e);
        }
    }

    public static WhisperParameters parameters(Settings settings) {
        int threads = settings.integer(Setting.WHISPER_THREADS);
        float temperatureStep = decimal(settings, Setting.WHISPER_TEMPERATURE_STEP);
        float noSpeechThreshold = decimal(settings, Setting.WHISPER_NO_SPEECH_THRESHOLD);
        Duration window = settings.duration(Setting.WHISPER_WINDOW);
        try {
            return new WhisperParameters(settings.text(Setting.WHISPER_LANGUAGE),
                    threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                    settings.text(Setting.WHISPER_PROMPT), temperatureStep, noSpeechThreshold, window);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CLASSREFLECT_WHISPER_* settings: " + e.getMessage(), e);
        }
    }

    private static float decimal(Settings settings, Setting setting) {
        try {
            return Float.parseFloat(settings.text(setting));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.environmentName() + " must be a number such as 0.5", e);
        }
    }
}
