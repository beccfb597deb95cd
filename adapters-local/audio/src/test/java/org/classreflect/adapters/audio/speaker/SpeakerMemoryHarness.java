package org.classreflect.adapters.audio.speaker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.classreflect.adapters.audio.HeapPeaks;
import org.classreflect.core.metrics.LessonMeasurer;
import org.classreflect.core.metrics.Metric;
import org.classreflect.core.metrics.SampleSource;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.Utterance;
import org.classreflect.testfixtures.audio.AudioFixtures;

/**
 * Estimates the speakers of, and measures, a long lesson (the synthetic water-cycle lesson looped to the wanted
 * length, its audio streamed in 10 s chunks as a decoder hands it over) and prints wall time and peak heap; then
 * times the 1024-point FFT the estimator uses against Commons Math's on Complex[] objects. Usage:
 * {@code SpeakerMemoryHarness [minutes=240]}; run it with -Xmx256m (see docs/benchmarks.md).
 */
public final class SpeakerMemoryHarness {

    private static final int CHUNK = SampleSource.SAMPLE_RATE * 10;

    private SpeakerMemoryHarness() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 240;
        float[] clip = AudioFixtures.samples(Wav.AUDIO.resolve("synthetic-lesson-water-cycle.wav"));
        List<Utterance> once = LessonTruth.read().utterances();
        double clipSeconds = clip.length / (double) SampleSource.SAMPLE_RATE;
        int loops = (int) Math.ceil(minutes * 60 / clipSeconds);
        List<Utterance> utterances = new ArrayList<>();
        for (int k = 0; k < loops; k++) {
            for (Utterance u : once) {
                utterances.add(new Utterance(u.start() + k * clipSeconds, u.end() + k * clipSeconds, u.text()));
            }
        }
        SampleSource audio = chunks -> {
            for (int k = 0; k < loops; k++) {
                for (int from = 0; from < clip.length; from += CHUNK) {
                    chunks.accept(Arrays.copyOfRange(clip, from, Math.min(clip.length, from + CHUNK)));
                }
            }
        };
        System.gc();
        HeapPeaks.reset();
        long start = System.nanoTime();
        SpeakerEstimate estimate = new AcousticSpeakerEstimator().estimate(utterances, audio);
        double estimateSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Double share = new LessonMeasurer().measure(utterances, estimate).value(Metric.TEACHER_TALK_SHARE);
        double measureSeconds = (System.nanoTime() - start) / 1e9;
        double audioSeconds = loops * clipSeconds;
        System.out.printf("lesson %.1f min, %d utterances: speakers in %.1f s (%.0fx real time), measured in %.2f s; "
                        + "teacher share %.3f, confidence %.2f%n", audioSeconds / 60, utterances.size(),
                estimateSeconds, audioSeconds / estimateSeconds, measureSeconds, share, estimate.confidence());
        System.out.printf("peak heap used %d MB (max heap %d MB); all samples as float would be %d MB%n",
                HeapPeaks.bytes() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                (long) (audioSeconds * SampleSource.SAMPLE_RATE * 4) >> 20);
        compareFfts();
    }

    /** Both transforms of the same frames, warmed up, then timed. */
    private static void compareFfts() {
        int frames = 200_000;
        double[] frame = new Random(1).doubles(1024, -1, 1).toArray();
        Radix2Fft radix2 = new Radix2Fft(1024);
        FastFourierTransformer commons = new FastFourierTransformer(DftNormalization.STANDARD);
        double[] re = new double[1024];
        double[] im = new double[1024];
        double sink = 0;
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            for (int f = 0; f < frames; f++) {
                System.arraycopy(frame, 0, re, 0, 1024);
                Arrays.fill(im, 0);
                radix2.forward(re, im);
                sink += re[f & 511];
            }
            double ours = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            for (int f = 0; f < frames; f++) {
                Complex[] spectrum = commons.transform(frame, TransformType.FORWARD);
                sink += spectrum[f & 511].getReal();
            }
            double theirs = (System.nanoTime() - start) / 1e9;
            if (round == 1) {
                System.out.printf("1024-point FFT x %d: radix-2 on double[] %.2f s, Commons Math on Complex[] %.2f s "
                        + "(%.1fx faster) [%s]%n", frames, ours, theirs, theirs / ours, sink == 0 ? "" : "ok");
            }
        }
    }
}
