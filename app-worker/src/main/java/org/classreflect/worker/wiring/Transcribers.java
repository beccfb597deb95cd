package org.classreflect.worker.wiring;

import org.classreflect.adapters.local.whisper.WhisperTranscriber;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.worker.config.Settings;

/** Chooses the speech engine from the settings. */
public final class Transcribers {

    private Transcribers() {
    }

    public static Transcriber fromSettings(Settings settings) {
        return new WhisperTranscriber(settings.whisperModel());
    }
}
