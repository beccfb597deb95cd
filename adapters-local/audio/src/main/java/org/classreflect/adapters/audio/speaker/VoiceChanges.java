package org.classreflect.adapters.audio.speaker;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where the voice changes inside a stretch of speech cut into short blocks: binary segmentation by BIC (Chen
 * and Gopalakrishnan 1998). The block boundary whose two sides are least likely one voice ({@link VoiceStats#distance})
 * is a change when that distance exceeds {@link #CHANGE_ABOVE}; both sides are then searched again. Each side must hold
 * at least {@link #MIN_SIDE_BLOCKS} blocks and {@link #MIN_SIDE_FRAMES} voiced frames, the least a voice is judged
 * from elsewhere. Among equally good boundaries (blocks without voice between them, as in a short pause) the middle
 * one is taken.
 */
final class VoiceChanges {

    /**
     * Tuned on the tuning lessons (docs/analysis.md): true changes inside an utterance scored 1.79 to 3.32 (l17), but
     * cuts of one voice up to 1.95 (the teacher reading a poem in l08); the same bar as {@link VoiceClusters#MERGE_BELOW},
     * a cut of one voice is then undone by the estimator when its pieces do not fit different voices clearly.
     */
    static final double CHANGE_ABOVE = 1.5;
    static final int MIN_SIDE_BLOCKS = 4;
    static final int MIN_SIDE_FRAMES = 30;
    /** A turn inside another voice's stretch is looked for up to this long (10 s), which bounds the search's cost. */
    static final int MAX_MIDDLE_BLOCKS = 40;

    private VoiceChanges() {
    }

    /** The indices of the blocks that start a new voice, in increasing order. */
    static List<Integer> of(List<VoiceStats> blocks) {
        List<Integer> changes = new ArrayList<>();
        search(blocks, 0, blocks.size(), changes);
        changes.sort(null);
        return changes;
    }

    private static void search(List<VoiceStats> blocks, int from, int to, List<Integer> changes) {
        if (to - from < 2 * MIN_SIDE_BLOCKS) {
            return;
        }
        VoiceStats total = new VoiceStats();
        for (int k = from; k < to; k++) {
            total = total.plus(blocks.get(k));
        }
        if (total.count() < 2 * MIN_SIDE_FRAMES) {
            return;
        }
        VoiceStats left = new VoiceStats();
        for (int k = from; k < from + MIN_SIDE_BLOCKS - 1; k++) {
            left = left.plus(blocks.get(k));
        }
        double best = Double.NEGATIVE_INFINITY;
        int firstBest = -1;
        int lastBest = -1;
        for (int k = from + MIN_SIDE_BLOCKS; k <= to - MIN_SIDE_BLOCKS; k++) {
            left = left.plus(blocks.get(k - 1));
            VoiceStats right = total.minus(left);
            if (left.count() < MIN_SIDE_FRAMES || right.count() < MIN_SIDE_FRAMES) {
                continue;
            }
            double d = VoiceStats.distance(left, right);
            if (d > best + 1e-9) {
                best = d;
                firstBest = k;
                lastBest = k;
            } else if (d >= best - 1e-9 && lastBest == k - 1) {
                lastBest = k;
            }
        }
        if (best <= CHANGE_ABOVE) {
            searchMiddle(blocks, from, to, total, changes);
            return;
        }
        int change = (firstBest + lastBest + 1) / 2;
        changes.add(change);
        search(blocks, from, change, changes);
        search(blocks, change, to, changes);
    }

    /**
     * A short turn between two stretches of one voice (teacher, student, teacher) is no single change: each side of
     * any one boundary mixes both voices. So where no single change was found, the stretch of at most
     * {@link #MAX_MIDDLE_BLOCKS} blocks whose voice is least likely the voice around it is two changes when that
     * distance exceeds {@link #CHANGE_ABOVE}. The stretch is not searched again.
     */
    private static void searchMiddle(List<VoiceStats> blocks, int from, int to, VoiceStats total,
                                     List<Integer> changes) {
        double best = CHANGE_ABOVE;
        int bestStart = -1;
        int bestEnd = -1;
        for (int start = from + MIN_SIDE_BLOCKS; start <= to - 2 * MIN_SIDE_BLOCKS; start++) {
            VoiceStats middle = new VoiceStats();
            for (int k = start; k < start + MIN_SIDE_BLOCKS - 1; k++) {
                middle = middle.plus(blocks.get(k));
            }
            for (int end = start + MIN_SIDE_BLOCKS; end <= Math.min(to - MIN_SIDE_BLOCKS, start + MAX_MIDDLE_BLOCKS);
                 end++) {
                middle = middle.plus(blocks.get(end - 1));
                VoiceStats around = total.minus(middle);
                if (middle.count() < MIN_SIDE_FRAMES || around.count() < MIN_SIDE_FRAMES) {
                    continue;
                }
                double d = VoiceStats.distance(middle, around);
                if (d > best) {
                    best = d;
                    bestStart = start;
                    bestEnd = end;
                }
            }
        }
        if (bestStart >= 0) {
            changes.add(bestStart);
            changes.add(bestEnd);
        }
    }
}
