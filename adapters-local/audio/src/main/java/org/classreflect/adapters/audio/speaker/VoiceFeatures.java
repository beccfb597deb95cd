package org.classreflect.adapters.audio.speaker;

import java.util.Arrays;

/**
 * One 32 ms frame of speech (16 kHz, Hamming window, 1024-point FFT) measured for who is speaking: its loudness, the
 * cepstral coefficients c1..c20 of a 40-band mel filterbank (MFCCs, the spectral envelope, which follows the length of the
 * speaker's vocal tract) and its pitch. One instance analyses frame after frame into its own arrays, so a lesson of
 * any length costs no allocation per frame; not thread-safe.
 */
final class VoiceFeatures {

    static final int SAMPLE_RATE = 16_000;
    static final int FRAME = 512;
    static final int HOP = 160;
    static final int CEPSTRA = 20;

    private static final int FFT = 1024;
    private static final int MEL_BANDS = 40;
    private static final double MIN_HZ = 80;
    private static final double MAX_HZ = 7600;
    private static final int MIN_LAG = SAMPLE_RATE / 500;
    private static final int MAX_LAG = SAMPLE_RATE / 75;
    /** The lowest pitch the tracker reports (75 Hz, in semitones above 100 Hz): a frame there may be lower still. */
    static final double LOWEST_PITCH = semitones(MAX_LAG);
    /** Normalised autocorrelation peak above which a frame counts as voiced. */
    private static final double VOICING = 0.45;

    private static final double[] WINDOW = hamming();
    private static final double[] WINDOW_AUTOCORRELATION = autocorrelation(WINDOW);
    private static final double[][] MEL_FILTERS = melFilters();

    private final Radix2Fft fft = new Radix2Fft(FFT);
    private final double[] re = new double[FFT];
    private final double[] im = new double[FFT];
    private final double[] power = new double[FFT / 2 + 1];
    private final double[] logMel = new double[MEL_BANDS];

    /** The last frame's cepstral coefficients c1..c20 (valid after {@link #analyse}). */
    final double[] cepstra = new double[CEPSTRA];
    /** The last frame's energy in dB (relative to full scale, roughly). */
    double energyDb;
    /** The last frame's pitch in semitones above 100 Hz; NaN when the frame is not voiced. */
    double pitch;

    /** Measures the {@link #FRAME} samples of {@code ring} that end just before {@code end} (a circular buffer). */
    void analyse(float[] ring, int end) {
        for (int i = 0; i < FRAME; i++) {
            re[i] = ring[(end + i) % FRAME] * WINDOW[i];
        }
        Arrays.fill(re, FRAME, FFT, 0);
        Arrays.fill(im, 0);
        fft.forward(re, im);
        double total = 0;
        for (int k = 0; k <= FFT / 2; k++) {
            power[k] = re[k] * re[k] + im[k] * im[k];
            total += power[k];
        }
        energyDb = 10 * Math.log10(total + 1e-12);
        cepstra();
        pitch = pitchOfPower();
    }

    private void cepstra() {
        for (int b = 0; b < MEL_BANDS; b++) {
            double sum = 0;
            double[] filter = MEL_FILTERS[b];
            for (int k = 0; k < power.length; k++) {
                sum += filter[k] * power[k];
            }
            logMel[b] = Math.log(sum + 1e-10);
        }
        for (int n = 1; n <= CEPSTRA; n++) {
            double sum = 0;
            for (int b = 0; b < MEL_BANDS; b++) {
                sum += logMel[b] * Math.cos(Math.PI * n * (b + 0.5) / MEL_BANDS);
            }
            cepstra[n - 1] = sum;
        }
    }

    /**
     * Pitch by autocorrelation (Boersma 1993): the autocorrelation of the windowed frame, the transform of its power
     * spectrum (real and even, so the forward transform serves as the inverse), divided by the window's own; the
     * highest peak between 75 and 500 Hz.
     */
    private double pitchOfPower() {
        for (int k = 0; k < FFT; k++) {
            re[k] = power[k <= FFT / 2 ? k : FFT - k];
        }
        Arrays.fill(im, 0);
        fft.forward(re, im);
        double r0 = re[0];
        if (r0 <= 0) {
            return Double.NaN;
        }
        double best = 0;
        int bestLag = -1;
        for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
            double normalised = re[lag] / r0 / WINDOW_AUTOCORRELATION[lag];
            if (normalised > best) {
                best = normalised;
                bestLag = lag;
            }
        }
        if (best < VOICING) {
            return Double.NaN;
        }
        return semitones(bestLag);
    }

    private static double semitones(int lag) {
        return 12 * Math.log((double) SAMPLE_RATE / lag / 100) / Math.log(2);
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
