package org.classreflect.sdk.wiring;

import org.classreflect.adapters.audio.FfmpegAudioDecoder;
import org.classreflect.adapters.speech.pocketsphinx.PocketsphinxTranscriber;
import org.classreflect.adapters.speech.whisper.WhisperTranscriber;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.config.WhisperSettings;

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
