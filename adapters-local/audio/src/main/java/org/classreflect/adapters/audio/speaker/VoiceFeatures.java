package org.classreflect.adapters.audio.speaker;

import java.util.Arrays;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * What a voice sounds like over one utterance, as a short vector: the median pitch (semitones above 100 Hz) and the
 * mean of cepstral coefficients c1..c12 from a mel filterbank (MFCCs, the spectral envelope, which follows the
 * length of the speaker's vocal tract). Frames are 32 ms, every 10 ms, Hamming-windowed, at 16 kHz.
 */
final class VoiceFeatures {

    static final int SAMPLE_RATE = 16_000;
    static final int FRAME = 512;
    static final int HOP = 160;
    /** Pitch index first, then the cepstral coefficients. */
    static final int PITCH = 0;
    static final int SIZE = 13;

    private static final int FFT = 1024;
    private static final int MEL_BANDS = 24;
    private static final int CEPSTRA = 12;
    private static final double MIN_HZ = 80;
    private static final double MAX_HZ = 7600;
    private static final int MIN_LAG = SAMPLE_RATE / 500;
    private static final int MAX_LAG = SAMPLE_RATE / 75;
    /** Normalised autocorrelation peak above which a frame counts as voiced. */
    private static final double VOICING = 0.45;
    /** Frames quieter than the utterance's loudest by more than this are pauses between words, not voice. */
    private static final double QUIET_DB = 30;

    private static final double[] WINDOW = hamming();
    private static final double[] WINDOW_AUTOCORRELATION = autocorrelation(WINDOW);
    private static final double[][] MEL_FILTERS = melFilters();

    private final FastFourierTransformer fft = new FastFourierTransformer(DftNormalization.STANDARD);

    /** The utterance's vector; NaN pitch when no frame was voiced; null when the utterance is shorter than a frame. */
    double[] of(float[] samples) {
        int frames = samples.length < FRAME ? 0 : 1 + (samples.length - FRAME) / HOP;
        if (frames == 0) {
            return null;
        }
        double[] energyDb = new double[frames];
        double[][] cepstra = new double[frames][];
        double[] pitch = new double[frames];
        for (int f = 0; f < frames; f++) {
            double[] frame = new double[FFT];
            for (int i = 0; i < FRAME; i++) {
                frame[i] = samples[f * HOP + i] * WINDOW[i];
            }
            double[] power = powerSpectrum(frame);
            energyDb[f] = 10 * Math.log10(Arrays.stream(power).sum() + 1e-12);
            cepstra[f] = cepstra(power);
            pitch[f] = pitch(power);
        }
        double loudest = Arrays.stream(energyDb).max().orElseThrow();
        double[] mean = new double[CEPSTRA];
        int kept = 0;
        double[] voiced = new double[frames];
        int voicedCount = 0;
        for (int f = 0; f < frames; f++) {
            if (energyDb[f] < loudest - QUIET_DB) {
                continue;
            }
            kept++;
            for (int c = 0; c < CEPSTRA; c++) {
                mean[c] += cepstra[f][c];
            }
            if (!Double.isNaN(pitch[f])) {
                voiced[voicedCount++] = pitch[f];
            }
        }
        double[] vector = new double[SIZE];
        vector[PITCH] = voicedCount == 0 ? Double.NaN : median(Arrays.copyOf(voiced, voicedCount));
        for (int c = 0; c < CEPSTRA; c++) {
            vector[1 + c] = mean[c] / kept;
        }
        return vector;
    }

    private double[] powerSpectrum(double[] frame) {
        Complex[] spectrum = fft.transform(frame, TransformType.FORWARD);
        double[] power = new double[FFT / 2 + 1];
        for (int k = 0; k < power.length; k++) {
            double re = spectrum[k].getReal();
            double im = spectrum[k].getImaginary();
            power[k] = re * re + im * im;
        }
        return power;
    }

    private static double[] cepstra(double[] power) {
        double[] logMel = new double[MEL_BANDS];
        for (int b = 0; b < MEL_BANDS; b++) {
            double sum = 0;
            for (int k = 0; k < power.length; k++) {
                sum += MEL_FILTERS[b][k] * power[k];
            }
            logMel[b] = Math.log(sum + 1e-10);
        }
        double[] c = new double[CEPSTRA];
        for (int n = 1; n <= CEPSTRA; n++) {
            double sum = 0;
            for (int b = 0; b < MEL_BANDS; b++) {
                sum += logMel[b] * Math.cos(Math.PI * n * (b + 0.5) / MEL_BANDS);
            }
            c[n - 1] = sum;
        }
        return c;
    }

    /**
     * Pitch by autocorrelation (Boersma 1993): the autocorrelation of the windowed frame, from the inverse transform
     * of its power spectrum, divided by the window's own autocorrelation; the highest peak between 75 and 500 Hz.
     */
    private double pitch(double[] power) {
        double[] full = new double[FFT];
        for (int k = 0; k < FFT; k++) {
            full[k] = power[k <= FFT / 2 ? k : FFT - k];
        }
        Complex[] r = fft.transform(full, TransformType.INVERSE);
        double r0 = r[0].getReal();
        if (r0 <= 0) {
            return Double.NaN;
        }
        double best = 0;
        int bestLag = -1;
        for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
            double normalised = r[lag].getReal() / r0 / WINDOW_AUTOCORRELATION[lag];
            if (normalised > best) {
                best = normalised;
                bestLag = lag;
            }
        }
        if (best < VOICING) {
            return Double.NaN;
        }
        return 12 * Math.log((double) SAMPLE_RATE / bestLag / 100) / Math.log(2);
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double[] hamming() {
        double[] w = new double[FRAME];
        for (int i = 0; i < FRAME; i++) {
            w[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (FRAME - 1));
        }
        return w;
    }

    private static double[] autocorrelation(double[] w) {
        double[] r = new double[MAX_LAG + 1];
        for (int lag = 0; lag <= MAX_LAG; lag++) {
            for (int i = 0; i + lag < w.length; i++) {
                r[lag] += w[i] * w[i + lag];
            }
        }
        double r0 = r[0];
        for (int lag = 0; lag <= MAX_LAG; lag++) {
            r[lag] /= r0;
        }
        return r;
    }

    private static double[][] melFilters() {
        double lowMel = mel(MIN_HZ);
        double highMel = mel(MAX_HZ);
        double[] edges = new double[MEL_BANDS + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = hz(lowMel + (highMel - lowMel) * i / (MEL_BANDS + 1));
        }
        double[][] filters = new double[MEL_BANDS][FFT / 2 + 1];
        for (int b = 0; b < MEL_BANDS; b++) {
            for (int k = 0; k <= FFT / 2; k++) {
                double f = (double) k * SAMPLE_RATE / FFT;
                double rising = (f - edges[b]) / (edges[b + 1] - edges[b]);
                double falling = (edges[b + 2] - f) / (edges[b + 2] - edges[b + 1]);
                filters[b][k] = Math.max(0, Math.min(rising, falling));
            }
        }
        return filters;
    }

    private static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
