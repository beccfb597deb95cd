package org.classreflect.worker.wiring;

import org.classreflect.adapters.local.whisper.WavDecoder;
import org.classreflect.adapters.local.whisper.WhisperTranscriber;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.worker.config.Setting;
import org.classreflect.worker.config.Settings;
import org.classreflect.worker.config.WhisperSettings;

/** Chooses the speech engine from the settings. */
public final class Transcribers {

    private Transcribers() {
    }

    public static Transcriber fromSettings(Settings settings) {
        return switch (settings.text(Setting.ENGINE)) {
            case "whisper" -> new WhisperTranscriber(settings.whisperModel(), WhisperSettings.modelsDir(settings),
                    WhisperSettings.parameters(settings), new WavDecoder());
            default -> throw new IllegalArgumentException(Setting.ENGINE.environmentName() + " must be whisper");
        };
    }
}
