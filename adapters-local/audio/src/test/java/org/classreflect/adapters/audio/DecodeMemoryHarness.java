package org.classreflect.adapters.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.testfixtures.audio.AudioFixtures;

/**
 * Decodes a long generated lesson and reports wall time and peak heap, to show the heap does not grow with the
 * length of the recording. The lesson is the synthetic water-cycle lesson (121 s) looped to the wanted length and
 * encoded as a 44.1 kHz stereo mp3 in target/ (made once, then reused). Usage:
 * {@code DecodeMemoryHarness [minutes=45] [chunkSeconds=30]}; run it with a small -Xmx (see docs/transcription.md).
 */
public final class DecodeMemoryHarness {

    private DecodeMemoryHarness() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 45;
        int chunkSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path clip = AudioFixtures.shared("synthetic-lesson-water-cycle.wav");
        Path lesson = Path.of("target", "lesson-" + minutes + "min.mp3").toAbsolutePath();
        if (!Files.exists(lesson)) {
            long start = System.nanoTime();
            int loops = (int) Math.ceil(minutes * 60 / 121.3);
            AudioFixtures.encodeLooped(clip, AudioFixtures.Encoding.MP3, loops, lesson);
            System.out.printf("generated %s (%d MB) in %.1f s%n", lesson, Files.size(lesson) >> 20,
                    (System.nanoTime() - start) / 1e9);
        }
        FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
        decoder.probe(lesson); // loads the native libraries, outside the measurement

        System.gc();
        HeapPeaks.reset();
        long start = System.nanoTime();
        AudioInfo info = decoder.probe(lesson);
        double probeSeconds = (System.nanoTime() - start) / 1e9;

        AtomicLong samples = new AtomicLong();
        start = System.nanoTime();
        decoder.decode(lesson, AudioDecoder.SAMPLE_RATE * chunkSeconds, chunk -> samples.addAndGet(chunk.length));
        double decodeSeconds = (System.nanoTime() - start) / 1e9;
        double audioSeconds = samples.get() / (double) AudioDecoder.SAMPLE_RATE;

        System.out.printf("lesson: %s, %.1f min, %d MB on disk%n", info.format(), info.durationSeconds() / 60,
                Files.size(lesson) >> 20);
        System.out.printf("probe %.2f s; decode %.1f s for %.1f min of audio (%.0fx real time), chunks of %d s%n",
                probeSeconds, decodeSeconds, audioSeconds / 60, audioSeconds / decodeSeconds, chunkSeconds);
        System.out.printf("peak heap used %d MB (max heap %d MB); all samples as float would be %d MB%n",
                HeapPeaks.bytes() >> 20, Runtime.getRuntime().maxMemory() >> 20, samples.get() * 4 >> 20);
    }
}
