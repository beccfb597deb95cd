package org.classreflect.adapters.audio.speaker;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups voice summaries into voices bottom-up: the two closest groups ({@link VoiceStats#distance}) are merged while
 * they are closer than {@link #MERGE_BELOW}, so the number of voices follows from the audio instead of being fixed.
 */
final class VoiceClusters {

    /**
     * Tuned on the tuning lessons (docs/analysis.md): merges of one voice scored up to 1.61 there, the first merge of
     * two voices 2.13; the threshold sits between them.
     */
    static final double MERGE_BELOW = 1.85;

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
            if (bestI < 0 || distance[bestI][bestJ] >= MERGE_BELOW) {
                break;
            }
            members.get(bestI).addAll(members.get(bestJ));
            stats.set(bestI, stats.get(bestI).plus(stats.get(bestJ)));
            gone[bestJ] = true;
            for (int k = 0; k < n; k++) {
                if (!gone[k] && k != bestI) {
                    double d = VoiceStats.distance(stats.get(bestI), stats.get(k));
                    distance[Math.min(k, bestI)][Math.max(k, bestI)] = d;
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (gone[i]) {
                members.remove(i);
                stats.remove(i);
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
