package org.classreflect.adapters.audio.speaker;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins voices that lie no further apart than one speaker's own voice moves from one stretch of speech to the next.
 * How far it moves (with what is being said, and how) is measured in the lesson itself: the covariance of the means of
 * the 2 s windows ({@link VoicePiece#windows}) about the mean of their own voice, pooled over the voices. Two voices
 * whose mean windows differ by less than {@link #SAME_SPEAKER_BELOW} in that covariance, scaled by the number of
 * windows each rests on (Hotelling's two-sample T²), are one speaker: the closest pair is merged, the voice on fewer
 * windows into the other, and the covariance measured again, until no pair is that close.
 *
 * <p>The frame-level measures ({@link VoiceStats#distance}, {@link VoiceStats#meanDistance}) cannot tell a teacher's
 * short utterances, which may group apart from the rest of the teacher's speech once every pause is a cut, from a
 * student close to the teacher: both lie 1.3 to 3.5 apart in mean-voice distance. Measured against how much the
 * lesson's own windows wander, the teacher's stray groups lie closer to the teacher than any close student does.
 */
final class SameSpeakerMerge {

    /**
     * Tuned on the tuning lessons (docs/analysis.md, eighth round): the teacher's stray groups lay 16 (l23) and 46 to
     * 113 (l71) from the teacher or from each other, close students 141 (l28), 152 (l02), 156 (l24), 199 (l44), 308
     * (l40) and 319 (l19) from the teacher. At 80 l71's teacher stays split; at 150 l28 and l52 lose their close
     * students to the teacher.
     */
    static final double SAME_SPEAKER_BELOW = 120;
    /** Added to the covariance's diagonal, relative to its mean variance, so few windows still give an inverse. */
    private static final double RIDGE = 0.01;
    private static final int DIM = VoiceStats.DIM;

    private SameSpeakerMerge() {
    }

    /**
     * Merges, in {@code voiceOf} (a voice per piece, -1 for none), the voices that are one speaker. Windows with
     * fewer than {@code minFrames} voiced frames are not measured; a voice with no window is left as it is.
     */
    static void merge(List<VoicePiece> pieces, int[] voiceOf, int voiceCount, int minFrames) {
        while (true) {
            List<List<double[]>> windows = windowMeans(pieces, voiceOf, voiceCount, minFrames);
            double[][] means = new double[voiceCount][];
            double[] covariance = spread(windows, means);
            int closestA = -1;
            int closestB = -1;
            double closest = SAME_SPEAKER_BELOW;
            for (int a = 0; a < voiceCount; a++) {
                for (int b = a + 1; b < voiceCount; b++) {
                    if (means[a] != null && means[b] != null) {
                        double[] diff = new double[DIM];
                        for (int i = 0; i < DIM; i++) {
                            diff[i] = means[a][i] - means[b][i];
                        }
                        double t = VoiceStats.squaredLength(diff, covariance)
                                / (1.0 / windows.get(a).size() + 1.0 / windows.get(b).size());
                        if (t < closest) {
                            closest = t;
                            closestA = a;
                            closestB = b;
                        }
                    }
                }
            }
            if (closestA < 0) {
                return;
            }
            boolean aSmaller = windows.get(closestA).size() < windows.get(closestB).size();
            int from = aSmaller ? closestA : closestB;
            int into = aSmaller ? closestB : closestA;
            for (int i = 0; i < voiceOf.length; i++) {
                if (voiceOf[i] == from) {
                    voiceOf[i] = into;
                }
            }
        }
    }

    /** Each voice's windows (with at least {@code minFrames} voiced frames), as mean frames. */
    private static List<List<double[]>> windowMeans(List<VoicePiece> pieces, int[] voiceOf, int voiceCount,
                                                    int minFrames) {
        List<List<double[]>> windows = new ArrayList<>();
        for (int c = 0; c < voiceCount; c++) {
            windows.add(new ArrayList<>());
        }
        for (int i = 0; i < pieces.size(); i++) {
            if (voiceOf[i] >= 0) {
                for (VoiceStats window : pieces.get(i).windows()) {
                    if (window.count() >= minFrames) {
                        windows.get(voiceOf[i]).add(window.mean());
                    }
                }
            }
        }
        return windows;
    }

    /**
     * The covariance of the windows about their own voice's mean, pooled over the voices, with a ridge; fills
     * {@code means} with each voice's mean window (null for a voice with none).
     */
    private static double[] spread(List<List<double[]>> windows, double[][] means) {
        double[] covariance = new double[DIM * DIM];
        int degrees = 0;
        for (int c = 0; c < windows.size(); c++) {
            List<double[]> its = windows.get(c);
            if (its.isEmpty()) {
                continue;
            }
            double[] mean = new double[DIM];
            for (double[] window : its) {
                for (int i = 0; i < DIM; i++) {
                    mean[i] += window[i] / its.size();
                }
            }
            means[c] = mean;
            for (double[] window : its) {
                for (int i = 0; i < DIM; i++) {
                    for (int j = 0; j < DIM; j++) {
                        covariance[i * DIM + j] += (window[i] - mean[i]) * (window[j] - mean[j]);
                    }
                }
            }
            degrees += its.size() - 1;
        }
        double trace = 0;
        for (int i = 0; i < DIM; i++) {
            for (int j = 0; j < DIM; j++) {
                covariance[i * DIM + j] /= Math.max(1, degrees);
            }
            trace += covariance[i * DIM + i];
        }
        for (int i = 0; i < DIM; i++) {
            covariance[i * DIM + i] += RIDGE * trace / DIM;
        }
        return covariance;
    }
}
