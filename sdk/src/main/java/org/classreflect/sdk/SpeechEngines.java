package org.classreflect.sdk;

import java.nio.file.Path;
import org.classreflect.adapters.speech.pocketsphinx.PocketsphinxTranscriber;
import org.classreflect.adapters.speech.whisper.WhisperParameters;
import org.classreflect.adapters.speech.whisper.WhisperTranscriber;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.transcript.Transcriber;

/** The speech engines of classreflect-adapters-speech; loaded only when one of them is chosen. */
final class SpeechEngines {

    private SpeechEngines() {
    }

    static Transcriber whisper(Path model, AudioDecoder decoder) {
        return new WhisperTranscriber(model, model.toAbsolutePath().getParent(), WhisperParameters.defaults(), decoder);
    }

    static Transcriber pocketsphinx(AudioDecoder decoder) {
        return new PocketsphinxTranscriber(decoder);
    }
}
