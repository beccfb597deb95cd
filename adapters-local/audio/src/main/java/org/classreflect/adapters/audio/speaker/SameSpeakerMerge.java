package org.classreflect.adapters.audio.speaker;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins voices that lie no further apart than one speaker's own voice wanders from one stretch of speech to the next
 * (with what is being said, and how). That wander is measured in the lesson itself: the covariance of the means of the
 * 2 s windows ({@link VoicePiece#windows}) about the mean of their own voice, pooled over the voices. In it, the
 * squared distance between two voices' mean windows, less what it would be by chance for two samples of one voice
 * ({@link VoiceStats#DIM} times the sum of the reciprocal window counts), estimates how far apart the voices
 * themselves lie, in units of one voice's wander; unlike a test of difference, it does not grow with the amount of
 * speech, so a 45-minute lesson is judged as a 3-minute one. A voice closer than {@link #SAME_SPEAKER_BELOW} to a
 * voice it is a small part of ({@link #MAX_STRAY_SHARE}) is the same speaker: the closest such pair is merged, the
 * voice on fewer windows into the other, and the covariance is measured again, until no pair is that close.
 *
 * <p>Why: once every pause is a cut, a teacher's short utterances and pieces may group apart from the rest of the
 * teacher's speech, and the frame-level measures ({@link VoiceStats#distance}, {@link VoiceStats#meanDistance}) cannot
 * tell such a group from a student close to the teacher: both lay 1.3 to 3.5 from the teacher in mean-voice
 * distance.
 */
final class SameSpeakerMerge {

    /**
     * Tuned on the tuning lessons (docs/analysis.md, eighth round): at 20 l71's teacher, heard six times over in one
     * 24-minute lesson (l78), stays split (teacher share -0.081), at 25 barely not (-0.037), at 30 -0.014; at 36 l34's
     * close student joins the teacher (+0.126), at 42 l52's and l24's too.
     */
    static final double SAME_SPEAKER_BELOW = 30;
    /**
     * A voice joins another only when it rests on at most this share of the other's windows: a speaker's stray group is
     * a small part of that speaker's speech (l71's and l78's at most 6 % of the teacher's), while a close student heard
     * at length is another speaker however close (l11: 19 to 22 windows against the teacher's 29 to 30, 24 to 31
     * apart). Tuned on the tuning lessons: at 0.25 and 0.5 l11 keeps its close student and l78 its teacher (-0.036 and
     * -0.029); without it l11's pocketsphinx transcript merged them (+0.249, the eighth round's second final run).
     */
    static final double MAX_STRAY_SHARE = 0.5;
    /** Added to the covariance's diagonal, as a share of its mean variance, so that few windows still give an inverse. */
    private static final double RELATIVE_RIDGE = 0.01;
    private static final int DIM = VoiceStats.DIM;

    private SameSpeakerMerge() {
    }

    /**
     * Merges, in {@code voiceOf} (a voice per piece, -1 for none), the voices that are one speaker, judged by each
     * voice's windows ({@code windows}, by voice, as {@link AcousticSpeakerEstimator#windowsByVoice} gives them). A
     * voice without windows is left as it is.
     */
    static void merge(List<List<VoiceStats>> windows, int[] voiceOf) {
        List<List<double[]>> means = new ArrayList<>();
        for (List<VoiceStats> its : windows) {
            means.add(new ArrayList<>(its.stream().map(VoiceStats::mean).toList()));
        }
        int[] pair;
        while ((pair = closestPair(means)) != null) {
            boolean firstSmaller = means.get(pair[0]).size() < means.get(pair[1]).size();
            int from = firstSmaller ? pair[0] : pair[1];
            int into = firstSmaller ? pair[1] : pair[0];
            means.get(into).addAll(means.get(from));
            means.get(from).clear();
            for (int i = 0; i < voiceOf.length; i++) {
                if (voiceOf[i] == from) {
                    voiceOf[i] = into;
                }
            }
        }
    }

    /**
     * The two voices lying closest, when closer than {@link #SAME_SPEAKER_BELOW} and one rests on at most
     * {@link #MAX_STRAY_SHARE} of the other's windows; else null.
     */
    private static int[] closestPair(List<List<double[]>> means) {
        double[][] voiceMeans = new double[means.size()][];
        double[] wander = wander(means, voiceMeans);
        int[] closest = null;
        double closestApart = SAME_SPEAKER_BELOW;
        for (int a = 0; a < means.size(); a++) {
            for (int b = a + 1; b < means.size(); b++) {
                int fewer = Math.min(means.get(a).size(), means.get(b).size());
                int more = Math.max(means.get(a).size(), means.get(b).size());
                if (fewer > 0 && fewer <= MAX_STRAY_SHARE * more) {
                    double[] diff = new double[DIM];
                    for (int i = 0; i < DIM; i++) {
                        diff[i] = voiceMeans[a][i] - voiceMeans[b][i];
                    }
                    double apart = VoiceStats.squaredLength(diff, wander)
                            - DIM * (1.0 / means.get(a).size() + 1.0 / means.get(b).size());
                    if (apart < closestApart) {
                        closestApart = apart;
                        closest = new int[] {a, b};
                    }
                }
            }
        }
        return closest;
    }

    /**
     * The covariance of the window means about their own voice's mean, pooled over the voices, with a ridge; fills
     * {@code voiceMeans} with each voice's mean window (null for a voice with none).
     */
    private static double[] wander(List<List<double[]>> means, double[][] voiceMeans) {
        double[] covariance = new double[DIM * DIM];
        int degrees = 0;
        for (int c = 0; c < means.size(); c++) {
            List<double[]> its = means.get(c);
            if (its.isEmpty()) {
                continue;
            }
            double[] mean = new double[DIM];
            for (double[] window : its) {
                for (int i = 0; i < DIM; i++) {
                    mean[i] += window[i] / its.size();
                }
            }
            voiceMeans[c] = mean;
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
            covariance[i * DIM + i] += RELATIVE_RIDGE * trace / DIM;
        }
        return covariance;
    }
}
