package org.classreflect.adapters.speech.pocketsphinx;

import java.nio.file.Path;
import org.classreflect.adapters.audio.FfmpegAudioDecoder;

/** A JVM that transcribes one (long) file with pocketsphinx, so that a test can kill it mid-transcription. */
public final class PocketsphinxInChildJvmMain {

    private PocketsphinxInChildJvmMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("TRANSCRIBING");
        System.out.flush();
        new PocketsphinxTranscriber(new FfmpegAudioDecoder()).transcribe(Path.of(args[0]), p -> { });
        System.out.println("DONE");
    }
}
