package org.classreflect.adapters.speech.whisper;

import com.sun.management.OperatingSystemMXBean;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.testfixtures.audio.WavDecoder;

/**
 * Times the in-process engine on a random-weights model of a real size (see {@link RandomWhisperModel}), so that
 * it can be compared with whisper.cpp's own command-line program on the same model, audio and threads:
 * {@code java -cp ... WhisperSpeedHarness <tiny.en|base.en|small.en> <16 kHz mono wav> <threads> <models dir>
 * [transcriber]}. It writes the model into the models directory if it is not there, then times whisper-jni's
 * {@code full()} on the whole audio with the settings of {@code main -bs 1 -nf -nt} (greedy, no temperature
 * fallback, non-speech tokens allowed, no timestamps, so that every 30-second window is decoded once, to the same
 * tokens in both programs), and with {@code transcriber} also the {@link WhisperTranscriber} end to end (5-minute
 * windows, timestamps, no fallback: random weights decode to the longest nonsense, so this is a worst case). Not a
 * test; see docs/benchmarks.md for results.
 */
public final class WhisperSpeedHarness {

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private WhisperSpeedHarness() {
    }

    public static void main(String[] args) throws Exception {
        RandomWhisperModel.Size size = RandomWhisperModel.Size.valueOf(
                args[0].toUpperCase(Locale.ROOT).replace('.', '_'));
        Path audio = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        Path model = Path.of(args[3]).resolve(size.fileName());
        if (!Files.isRegularFile(model)) {
            long start = System.nanoTime();
            RandomWhisperModel.write(model, size, 1);
            System.out.printf("wrote %s (%d MB) in %d ms%n", model, Files.size(model) >> 20, millisSince(start));
        }
        float[] samples = samples(audio);
        double audioSeconds = samples.length / 16_000.0;
        timeFull(model, samples, threads, audioSeconds);
        if (args.length > 4 && args[4].equals("transcriber")) {
            timeTranscriber(model, audio, threads);
        }
    }

    private static void timeFull(Path model, float[] samples, int threads, double audioSeconds) throws Exception {
        WhisperJNI.loadLibrary();
        WhisperJNI whisper = new WhisperJNI();
        long cpuStart = PROCESS.getProcessCpuTime();
        long loadStart = System.nanoTime();
        WhisperContext context = whisper.init(model);
        long loadMs = millisSince(loadStart);
        WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.nThreads = threads;
        params.language = "en";
        params.temperatureInc = 0f;
        params.suppressNonSpeechTokens = false;
        params.noTimestamps = true;
        params.printProgress = false;
        params.printRealtime = false;
        params.printTimestamps = false;
        long start = System.nanoTime();
        int result = whisper.full(context, params, samples, samples.length);
        long ms = millisSince(start);
        long cpuMs = (PROCESS.getProcessCpuTime() - cpuStart) / 1_000_000;
        StringBuilder text = new StringBuilder();
        int segments = whisper.fullNSegments(context);
        for (int i = 0; i < segments; i++) {
            text.append(whisper.fullGetSegmentText(context, i));
        }
        whisper.free(context);
        System.out.printf("whisper-jni full(): %s, audio %.1f s, %d threads, load %d ms, full %d ms (result %d), "
                        + "process CPU (load and full) %d ms, real-time factor %.3f, %d segments, %d characters%n", model.getFileName(),
                audioSeconds, threads, loadMs, ms, result, cpuMs, ms / 1000.0 / audioSeconds, segments, text.length());
        System.out.println("text: " + text);
    }

    private static void timeTranscriber(Path model, Path audio, int threads) throws Exception {
        WhisperTranscriber transcriber = new WhisperTranscriber(model, model.getParent(),
                new WhisperParameters("en", threads, "", 0f, 0.6f, Duration.ofMinutes(5)), new WavDecoder());
        transcriber.status();
        long start = System.nanoTime();
        Transcription transcription = transcriber.transcribe(audio, TranscriptionProgress.IGNORE);
        long ms = millisSince(start);
        System.out.printf("WhisperTranscriber: %s, audio %.1f s, %d threads, %d ms, real-time factor %.3f, "
                        + "%d segments, %d words%n", model.getFileName(), transcription.audioSeconds(), threads, ms,
                ms / 1000.0 / transcription.audioSeconds(), transcription.segments().size(),
                transcription.words().size());
    }

    private static float[] samples(Path audio) throws Exception {
        List<float[]> chunks = new ArrayList<>();
        new WavDecoder().decode(audio, 16_000, chunks::add);
        float[] samples = new float[chunks.stream().mapToInt(c -> c.length).sum()];
        int at = 0;
        for (float[] chunk : chunks) {
            System.arraycopy(chunk, 0, samples, at, chunk.length);
            at += chunk.length;
        }
        return samples;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
