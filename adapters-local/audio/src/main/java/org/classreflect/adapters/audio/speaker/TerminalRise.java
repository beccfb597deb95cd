package org.classreflect.adapters.audio.speaker;

import java.util.Arrays;

/**
 * The final rise of a pitch contour (H-H% in ToBI terms): the pitch at the very end above the lowest point of the
 * last unbroken stretch of the smoothed contour, within the last {@link #FRAMES} voiced frames, in semitones. A voice
 * that falls to its end gives about 0; a question that dips and then rises late (as espeak-ng and many speakers do)
 * gives the size of the rise, which comparing two long stretches averages away. A jump between neighbouring frames
 * (a new word starting higher, a voice reset) breaks the stretch, so a last word that starts high and falls is no
 * rise.
 */
final class TerminalRise {

    /** The voiced frames looked at (0.4 s): the rise and the dip before it. */
    static final int FRAMES = 40;
    /** Fewer trusted voiced frames than this (0.2 s) tell nothing. */
    static final int MIN_FRAMES = 20;
    /** The end is the median of this many last voiced frames (50 ms). */
    private static final int END_FRAMES = 5;
    /** The contour is smoothed by a running median over this many frames, so one wild frame makes no low point. */
    private static final int SMOOTHING = 5;
    /** A frame further than this from the contour's median is a tracking error (octave or worse) and is left out. */
    private static final double TRACKING_ERROR_SEMITONES = 7;
    /** More than this between neighbouring smoothed frames (10 ms apart when voiced) is a jump, not a glide. */
    private static final double JUMP_SEMITONES = 1.5;

    private TerminalRise() {
    }

    /** The final rise of these voiced pitches (semitones, in time order, the last {@link #FRAMES} or fewer). */
    static double of(double[] pitches) {
        double[] trusted = trusted(pitches);
        if (trusted.length < MIN_FRAMES) {
            return Double.NaN;
        }
        double end = median(Arrays.copyOfRange(trusted, trusted.length - END_FRAMES, trusted.length));
        double[] smooth = smoothed(trusted);
        double low = smooth[smooth.length - 1];
        for (int i = smooth.length - 1; i > 0 && Math.abs(smooth[i] - smooth[i - 1]) <= JUMP_SEMITONES; i--) {
            low = Math.min(low, smooth[i - 1]);
        }
        return end - low;
    }

    /** Without tracking errors: frames far from the median, and frames at the tracker's floor (lower still). */
    private static double[] trusted(double[] pitches) {
        if (pitches.length == 0) {
            return pitches;
        }
        double centre = median(pitches);
        return Arrays.stream(pitches).filter(p -> Math.abs(p - centre) <= TRACKING_ERROR_SEMITONES)
                .filter(p -> p > VoiceFeatures.LOWEST_PITCH + 0.01).toArray();
    }

    private static double[] smoothed(double[] pitches) {
        double[] smooth = new double[pitches.length];
        for (int i = 0; i < pitches.length; i++) {
            int from = Math.max(0, i - SMOOTHING / 2);
            int to = Math.min(pitches.length, i + SMOOTHING / 2 + 1);
            smooth[i] = median(Arrays.copyOfRange(pitches, from, to));
        }
        return smooth;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
