package org.classreflect.adapters.audio.speaker;

import java.util.Arrays;

/**
 * What one utterance's frames add up to, in constant memory whatever its length: its voiced frames as a
 * {@link VoiceStats} summary, and the pitch of its last voiced frames (for the movement at its end).
 */
final class UtteranceVoice {

    /** The end of an utterance: this many voiced frames (0.2 s) against the this-many before them. */
    private static final int END_FRAMES = 20;
    private static final int BEFORE_END_FRAMES = 40;

    private final VoiceStats stats = new VoiceStats();
    private final double[] lastPitches = new double[END_FRAMES + BEFORE_END_FRAMES];
    private int voiced;

    /** Adds a frame; only loud, voiced frames carry the voice. */
    void add(VoiceFeatures frame, boolean isLoud) {
        if (!isLoud || Double.isNaN(frame.pitch)) {
            return;
        }
        stats.add(frame.pitch, frame.cepstra);
        lastPitches[voiced % lastPitches.length] = frame.pitch;
        voiced++;
    }

    VoiceStats stats() {
        return stats;
    }

    /**
     * How far the pitch of the last voiced frames sits above that of the voiced frames before them, in semitones
     * (positive: a rise, as at the end of many questions); NaN when too little of the utterance was voiced.
     */
    double endRise() {
        if (voiced < END_FRAMES + BEFORE_END_FRAMES / 2) {
            return Double.NaN;
        }
        int kept = Math.min(voiced, lastPitches.length);
        double[] end = new double[END_FRAMES];
        double[] before = new double[kept - END_FRAMES];
        for (int i = 0; i < kept; i++) {
            double p = lastPitches[(voiced - kept + i) % lastPitches.length];
            if (i < kept - END_FRAMES) {
                before[i] = p;
            } else {
                end[i - (kept - END_FRAMES)] = p;
            }
        }
        return median(end) - median(before);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
