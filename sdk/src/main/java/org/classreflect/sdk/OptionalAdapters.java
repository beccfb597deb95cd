package org.classreflect.sdk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.core.school.PasswordPolicy;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.audio.UndecodableAudioException;

/**
 * The defaults for ports whose adapter module an embedder may leave out. Each adapter is named by its class name and
 * loaded only when its module is on the class path, so that leaving a module out costs nothing but the feature.
 */
final class OptionalAdapters {

    static final String FFMPEG_DECODER = "org.classreflect.adapters.audio.FfmpegAudioDecoder";
    static final String ACOUSTIC_SPEAKERS = "org.classreflect.adapters.audio.speaker.AcousticSpeakerEstimator";

    static final String NBVCXZ_POLICY = "org.classreflect.adapters.security.NbvcxzPasswordPolicy";

    private OptionalAdapters() {
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, OptionalAdapters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static AudioDecoder decoder() {
        return present(FFMPEG_DECODER) ? AudioModule.decoder() : NO_DECODER;
    }

    static SpeakerEstimator speakerEstimator() {
        return present(ACOUSTIC_SPEAKERS) ? AudioModule.speakerEstimator() : NO_SPEAKERS;
    }

    /** nbvcxz when classreflect-adapters-security is there; else the length rule alone (documented). */
    static PasswordPolicy passwordPolicy() {
        return present(NBVCXZ_POLICY) && present("me.gosimple.nbvcxz.Nbvcxz") ? SecurityModule.passwordPolicy()
                : PasswordPolicy.LENGTH_ONLY;
    }

    private static final AudioDecoder NO_DECODER = new AudioDecoder() {
        @Override
        public AudioInfo probe(Path file) throws UndecodableAudioException {
            throw unavailable();
        }

        @Override
        public void decode(Path file, int chunkSamples, Consumer<float[]> chunks) throws UndecodableAudioException {
            throw unavailable();
        }

        private UndecodableAudioException unavailable() {
            return new UndecodableAudioException("no audio decoder is configured: add classreflect-adapters-audio "
                    + "(FFmpeg) or give ClassReflect.builder().audioDecoder(...) one");
        }
    };

    private static final SpeakerEstimator NO_SPEAKERS = (utterances, audio) -> {
        throw new IOException("no speaker estimator is configured: add classreflect-adapters-audio");
    };
}
