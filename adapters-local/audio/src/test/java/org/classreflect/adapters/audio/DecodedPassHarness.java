package org.classreflect.adapters.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.classreflect.adapters.audio.speaker.AcousticSpeakerEstimator;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.DecodedAudioCache;
import org.classreflect.core.audio.Pcm16Wav;
import org.classreflect.core.audio.UndecodableAudioException;
import org.classreflect.core.metrics.SampleSource;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.Utterance;
import org.classreflect.testfixtures.audio.AudioFixtures;

/**
 * The analysis's speaker stage on a long mp3 lesson, with and without the pass the engine decoded and the job kept
 * ({@link DecodedAudioCache}): the same estimator fed by FFmpeg decoding the mp3 (as without the cache) and by the
 * kept 16-bit WAV, alternated over three rounds, in wall and thread CPU time (the CPU time is what to compare on
 * a loaded machine); then what keeping the pass adds to the engine's decode, and whether both sources give the
 * same speakers. The lesson is the synthetic water-cycle lesson (121 s) looped to the wanted
 * length, encoded as a 44.1 kHz stereo mp3 in target/ (made once, shared with {@link DecodeMemoryHarness}), and
 * its utterances are the truth file's, looped. Usage: {@code DecodedPassHarness [minutes=45]} (see
 * docs/benchmarks.md).
 */
public final class DecodedPassHarness {

    private static final int CHUNK = AudioDecoder.SAMPLE_RATE * 10;
    private static final String RECORDING = "harness";
    private static final int ROUNDS = 3;

    private DecodedPassHarness() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 45;
        Path clip = AudioFixtures.shared("synthetic-lesson-water-cycle.wav");
        double clipSeconds = AudioFixtures.samples(clip).length / (double) AudioDecoder.SAMPLE_RATE;
        int loops = (int) Math.ceil(minutes * 60 / 121.3); // as DecodeMemoryHarness, which makes the same file
        Path lesson = Path.of("target", "lesson-" + minutes + "min.mp3").toAbsolutePath();
        if (!Files.exists(lesson)) {
            AudioFixtures.encodeLooped(clip, AudioFixtures.Encoding.MP3, loops, lesson);
        }
        List<Utterance> utterances = loopedUtterances(loops, clipSeconds);
        FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
        decoder.probe(lesson); // loads the native libraries, outside the measurement
        DecodedAudioCache cache = new DecodedAudioCache(Files.createDirectories(Path.of("target", "decoded-pass")));

        AtomicLong samples = new AtomicLong();
        Took plainDecode = seconds(() -> decoder.decode(lesson, CHUNK, c -> samples.addAndGet(c.length)));
        Took keepingDecode = seconds(() -> {
            try (DecodedAudioCache.Pass pass = cache.start(RECORDING, RECORDING)) {
                decoder.decode(lesson, CHUNK, pass);
                if (!pass.keepIfWhole(samples.get() / (double) AudioDecoder.SAMPLE_RATE)) {
                    throw new IllegalStateException("the pass was not kept");
                }
            }
        });
        Path kept = cache.find(RECORDING, RECORDING).orElseThrow();
        Took readKept = seconds(() -> Pcm16Wav.stream(kept, CHUNK, c -> { }));
        System.out.printf("lesson %s: %.1f min of audio, %d MB mp3, %d utterances; kept pass %d MB%n",
                lesson.getFileName(), samples.get() / 16_000.0 / 60, Files.size(lesson) >> 20, utterances.size(),
                Files.size(kept) >> 20);
        System.out.printf("engine's decode %s; the same decode keeping the pass %s; reading the kept pass %s%n",
                plainDecode, keepingDecode, readKept);

        SampleSource decoding = chunks -> {
            try {
                decoder.decode(lesson, CHUNK, chunks);
            } catch (UndecodableAudioException e) {
                throw new IOException(e);
            }
        };
        SampleSource keptPass = chunks -> Pcm16Wav.stream(kept, CHUNK, chunks);
        SpeakerEstimate[] last = new SpeakerEstimate[2];
        for (int round = 1; round <= ROUNDS; round++) {
            Took withoutCache = seconds(() -> last[0] = new AcousticSpeakerEstimator().estimate(utterances,
                    decoding));
            System.gc();
            HeapPeaks.reset();
            Took withCache = seconds(() -> last[1] = new AcousticSpeakerEstimator().estimate(utterances,
                    keptPass));
            System.out.printf("round %d: speaker stage decoding the mp3 %s, reading the kept pass %s (CPU %.0f %%);"
                    + " peak heap with the kept pass %d MB%n", round, withoutCache, withCache,
                    100 * withCache.cpu() / withoutCache.cpu(), HeapPeaks.bytes() >> 20);
        }
        int same = 0;
        for (int i = 0; i < utterances.size(); i++) {
            same += last[0].speakers().get(i) == last[1].speakers().get(i) ? 1 : 0;
        }
        System.out.printf("same speaker for %d of %d utterances; confidence %.3f (mp3) and %.3f (kept pass)%n",
                same, utterances.size(), last[0].confidence(), last[1].confidence());
        cache.discard(RECORDING, RECORDING);
    }

    private static List<Utterance> loopedUtterances(int loops, double clipSeconds) throws Exception {
        JsonNode truth = new ObjectMapper().readTree(
                AudioFixtures.shared("synthetic-lesson-water-cycle.truth.json").toFile());
        List<Utterance> utterances = new ArrayList<>();
        for (int k = 0; k < loops; k++) {
            for (JsonNode u : truth.get("utterances")) {
                double offset = k * clipSeconds;
                utterances.add(new Utterance(offset + u.get("start").asDouble(), offset + u.get("end").asDouble(),
                        u.get("text").asText()));
            }
        }
        return utterances;
    }

    private interface Timed {
        void run() throws Exception;
    }

    /** Wall time and this thread's CPU time (FFmpeg decodes in the calling thread), in seconds. */
    private record Took(double wall, double cpu) {
        @Override
        public String toString() {
            return String.format("%.2f s (CPU %.2f s)", wall, cpu);
        }
    }

    private static Took seconds(Timed work) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.run();
        return new Took((System.nanoTime() - start) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
    }
}
