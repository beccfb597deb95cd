package org.classreflect.sdk;

import org.classreflect.adapters.audio.FfmpegAudioDecoder;
import org.classreflect.adapters.audio.speaker.AcousticSpeakerEstimator;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.core.audio.AudioDecoder;

/** The adapters of classreflect-adapters-audio; loaded only when that module is on the class path. */
final class AudioModule {

    private AudioModule() {
    }

    static AudioDecoder decoder() {
        return new FfmpegAudioDecoder();
    }

    static SpeakerEstimator speakerEstimator() {
        return new AcousticSpeakerEstimator();
    }
}
