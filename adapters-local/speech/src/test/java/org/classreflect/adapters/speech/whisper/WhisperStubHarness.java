package org.classreflect.adapters.speech.whisper;

import org.classreflect.testfixtures.audio.WavDecoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.transcript.TranscriptionProgress;

/**
 * Times the windowed path with the stub model (no recognition, so only the plumbing and whisper.cpp's fixed cost
 * per window): {@code java -cp ... WhisperStubHarness <model> <wav> <window seconds> <temperature step> <threads>}.
 * Not a test; see docs/transcription.md for results.
 */
public final class WhisperStubHarness {

    private WhisperStubHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path audio = Path.of(args[1]);
        WhisperParameters parameters = new WhisperParameters("auto", Integer.parseInt(args[4]), "",
                Float.parseFloat(args[3]), 0.6f, Duration.ofSeconds(Long.parseLong(args[2])));
        WhisperTranscriber transcriber = new WhisperTranscriber(model, model.getParent(), parameters, new WavDecoder());
        transcriber.transcribe(audio, TranscriptionProgress.IGNORE);
        List<Integer> progress = new ArrayList<>();
        long start = System.nanoTime();
        var transcription = transcriber.transcribe(audio, progress::add);
        long ms = (System.nanoTime() - start) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("audio %.1f s, window %s s, temperature step %s, threads %s: %d ms, progress %s, "
                        + "java heap used %d MiB%n", transcription.audioSeconds(), args[2], args[3], args[4], ms,
                progress, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
