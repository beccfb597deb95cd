package org.classreflect.worker.wiring;

import org.classreflect.adapters.local.audio.FfmpegAudioDecoder;
import org.classreflect.adapters.local.pocketsphinx.PocketsphinxTranscriber;
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
        String engine = settings.text(Setting.ENGINE);
        return switch (engine) {
            case "whisper" -> new WhisperTranscriber(settings.whisperModel(), WhisperSettings.modelsDir(settings),
                    WhisperSettings.parameters(settings), new FfmpegAudioDecoder());
            case "pocketsphinx" -> new PocketsphinxTranscriber(new FfmpegAudioDecoder());
            default -> throw new IllegalArgumentException(Setting.ENGINE.environmentName()
                    + " must be whisper or pocketsphinx, not '" + engine + "'");
        };
    }
}
