package org.classreflect.adapters.audio.speaker;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Groups voice summaries into voices bottom-up, so the number of voices follows from the audio instead of being
 * fixed. First the two closest groups by BIC ({@link VoiceStats#distance}) are merged while closer than
 * {@link #MERGE_BELOW}: a strict bar, so no group mixes two voices, though one voice may stay in several groups. Then
 * groups whose mean voices are close ({@link VoiceStats#meanDistance}) below {@link #SAME_VOICE_BELOW} are joined.
 */
final class VoiceClusters {

    /**
     * Tuned on the tuning lessons (docs/analysis.md): there the first merge of two voices scored 1.94 or more; below
     * 1.5 every group held one voice.
     */
    static final double MERGE_BELOW = 1.5;
    /**
     * Tuned on the tuning lessons and the single-voice clips: the teacher's own groups left apart by the first step
     * were joined at 0.84 (l07; at a bar of 0.8 its teacher is split), and the real reader of three sonnets stays one
     * voice at 1.2; the summaries of close true speakers lie 0.57 (l19), 0.97 (l33) and 1.32 (l34) apart, so the
     * bar cannot keep every student apart: at 1.5 l34's close student joined the teacher, at 0.9 to 1.2 it does not.
     */
    static final double SAME_VOICE_BELOW = 1.2;

    private final List<List<Integer>> members = new ArrayList<>();
    private final List<VoiceStats> stats = new ArrayList<>();

    /** Clusters the given summaries; their positions in the list are the member numbers. */
    VoiceClusters(List<VoiceStats> voices) {
        int n = voices.size();
        double[][] distance = new double[n][n];
        for (int i = 0; i < n; i++) {
            members.add(new ArrayList<>(List.of(i)));
            stats.add(voices.get(i));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                distance[i][j] = VoiceStats.distance(voices.get(i), voices.get(j));
            }
        }
        boolean[] gone = new boolean[n];
        mergeWhileCloser(distance, gone, MERGE_BELOW, VoiceStats::distance);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!gone[i] && !gone[j]) {
                    distance[i][j] = VoiceStats.meanDistance(stats.get(i), stats.get(j));
                }
            }
        }
        mergeWhileCloser(distance, gone, SAME_VOICE_BELOW, VoiceStats::meanDistance);
        for (int i = n - 1; i >= 0; i--) {
            if (gone[i]) {
                members.remove(i);
                stats.remove(i);
            }
        }
    }

    private void mergeWhileCloser(double[][] distance, boolean[] gone, double bar,
                                  ToDoubleBiFunction<VoiceStats, VoiceStats> measure) {
        int n = gone.length;
        while (true) {
            int bestI = -1;
            int bestJ = -1;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (!gone[i] && !gone[j] && (bestI < 0 || distance[i][j] < distance[bestI][bestJ])) {
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (bestI < 0 || distance[bestI][bestJ] >= bar) {
                return;
            }
            members.get(bestI).addAll(members.get(bestJ));
            stats.set(bestI, stats.get(bestI).plus(stats.get(bestJ)));
            gone[bestJ] = true;
            for (int k = 0; k < n; k++) {
                if (!gone[k] && k != bestI) {
                    distance[Math.min(k, bestI)][Math.max(k, bestI)] = measure.applyAsDouble(stats.get(bestI),
                            stats.get(k));
                }
            }
        }
    }

    int size() {
        return stats.size();
    }

    List<Integer> members(int cluster) {
        return members.get(cluster);
    }

    VoiceStats stats(int cluster) {
        return stats.get(cluster);
    }

    /** The cluster whose voice is closest to the given summary. */
    int nearest(VoiceStats voice) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < stats.size(); c++) {
            double d = VoiceStats.distance(stats.get(c), voice);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }
}
