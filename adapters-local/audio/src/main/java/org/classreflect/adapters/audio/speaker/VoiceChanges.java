package org.classreflect.adapters.audio.speaker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where the voice changes inside a stretch of speech cut into short blocks: binary segmentation by BIC (Chen
 * and Gopalakrishnan 1998). The block boundary whose two sides are least likely one voice ({@link VoiceStats#distance})
 * is a change when that distance exceeds {@link #CHANGE_ABOVE}; both sides are then searched again. Each side must hold
 * at least {@link #MIN_SIDE_BLOCKS} blocks and {@link #MIN_SIDE_FRAMES} voiced frames, the least a voice is judged
 * from elsewhere. Among equally good boundaries (blocks without voice between them, as in a short pause) the middle
 * one is taken. Where no boundary passes that bar, the best boundary next to a pause (a nearly voiceless block) is a
 * cut whatever its distance: speakers change at pauses, and a change there may be too slight for BIC over a second or
 * two, so every pause with enough speech on each side cuts the stretch, and grouping the pieces
 * ({@link VoiceClusters}) decides which voice each is. Then short turns that BIC misses (its penalty for a
 * full-covariance Gaussian outweighs a second or two of another voice) are looked for with fixed windows: a boundary
 * is also a change where the mean voices of the
 * {@link #PEAK_BLOCKS} blocks on each side lie further apart than {@link #PEAK_ABOVE} than at any boundary within
 * {@link #PEAK_BLOCKS} blocks of it.
 */
final class VoiceChanges {

    /**
     * Tuned on the tuning lessons (docs/analysis.md): true changes inside an utterance scored 1.79 to 3.32 (l17), but
     * cuts of one voice up to 1.95 (the teacher reading a poem in l08); the same bar as {@link VoiceClusters#MERGE_BELOW},
     * a cut of one voice is then undone by the estimator when its pieces do not fit different voices clearly.
     */
    static final double CHANGE_ABOVE = 1.5;
    /**
     * A block with fewer voiced frames than this (of 25) is a pause. Tuned on the tuning lessons while a pause was a
     * change only from a lower BIC bar (docs/analysis.md): 1 to 5 gave the same results; at 12 l08's poem lost 2
     * points.
     */
    static final int PAUSE_FRAMES = 5;
    static final int MIN_SIDE_BLOCKS = 4;
    static final int MIN_SIDE_FRAMES = 30;
    /** A turn inside another voice's stretch is looked for up to this long (10 s), which bounds the search's cost. */
    static final int MAX_MIDDLE_BLOCKS = 40;
    /** The fixed windows compared on each side of a boundary: 8 blocks, 2 s. */
    static final int PEAK_BLOCKS = 8;
    /**
     * Tuned on the tuning lessons l17 to l24, l33 and l34 (docs/analysis.md): between 2 s windows of one voice inside an
     * utterance the mean-voice distance was at most 7.2 at the 95th percentile (9.8 at the 99th), across true changes
     * 10.3 at the median. Bars 6 to 9 gave the same tuning results; at 11 l20's answers inside the teacher's turns
     * are missed again; at 8, 9 and 10 the real reader of three sonnets stays one voice.
     */
    static final double PEAK_ABOVE = 8;

    private VoiceChanges() {
    }

    /** The indices of the blocks that start a new voice, in increasing order. */
    static List<Integer> of(List<VoiceStats> blocks) {
        List<Integer> changes = new ArrayList<>();
        search(blocks, 0, blocks.size(), changes);
        changes.addAll(windowPeaks(blocks, changes));
        changes.sort(null);
        return changes;
    }

    /**
     * The boundaries, at least {@link #MIN_SIDE_BLOCKS} from every change already {@code found}, where the mean voices
     * of the {@link #PEAK_BLOCKS} blocks before and after lie further apart than {@link #PEAK_ABOVE} and further than
     * at every other boundary within {@link #PEAK_BLOCKS} blocks (the earliest of equal ones).
     */
    private static List<Integer> windowPeaks(List<VoiceStats> blocks, List<Integer> found) {
        int n = blocks.size();
        double[] apart = new double[n + 1];
        Arrays.fill(apart, Double.NEGATIVE_INFINITY);
        VoiceStats before = new VoiceStats();
        VoiceStats after = new VoiceStats();
        for (int k = 0; k < Math.min(n, 2 * PEAK_BLOCKS); k++) {
            after = after.plus(blocks.get(k));
        }
        for (int k = PEAK_BLOCKS; k + PEAK_BLOCKS <= n; k++) { // slides: before = [k-8, k), after = [k, k+8)
            if (k == PEAK_BLOCKS) {
                for (int i = 0; i < PEAK_BLOCKS; i++) {
                    before = before.plus(blocks.get(i));
                }
                after = after.minus(before);
            } else {
                before = before.plus(blocks.get(k - 1)).minus(blocks.get(k - 1 - PEAK_BLOCKS));
                after = after.plus(blocks.get(k + PEAK_BLOCKS - 1)).minus(blocks.get(k - 1));
            }
            if (before.count() >= MIN_SIDE_FRAMES && after.count() >= MIN_SIDE_FRAMES) {
                apart[k] = VoiceStats.meanDistance(before, after);
            }
        }
        List<Integer> peaks = new ArrayList<>();
        for (int k = PEAK_BLOCKS; k + PEAK_BLOCKS <= n; k++) {
            boolean peak = apart[k] > PEAK_ABOVE;
            for (int j = Math.max(0, k - PEAK_BLOCKS); peak && j <= Math.min(n, k + PEAK_BLOCKS); j++) {
                peak = j == k || apart[j] < apart[k] || apart[j] == apart[k] && j > k;
            }
            for (int change : found) {
                peak &= Math.abs(change - k) >= MIN_SIDE_BLOCKS;
            }
            if (peak) {
                peaks.add(k);
            }
        }
        return peaks;
    }

    /** Whether a block next to the boundary before block {@code k} is nearly voiceless: a pause inside the stretch. */
    private static boolean isAtPause(List<VoiceStats> blocks, int k) {
        return blocks.get(k - 1).count() < PAUSE_FRAMES || blocks.get(k).count() < PAUSE_FRAMES;
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
        BestBoundary best = new BestBoundary();
        BestBoundary bestAtPause = new BestBoundary();
        for (int k = from + MIN_SIDE_BLOCKS; k <= to - MIN_SIDE_BLOCKS; k++) {
            left = left.plus(blocks.get(k - 1));
            VoiceStats right = total.minus(left);
            if (left.count() < MIN_SIDE_FRAMES || right.count() < MIN_SIDE_FRAMES) {
                continue;
            }
            double d = VoiceStats.distance(left, right);
            best.offer(k, d);
            if (isAtPause(blocks, k)) {
                bestAtPause.offer(k, d);
            }
        }
        int change;
        if (best.distance > CHANGE_ABOVE) {
            change = best.middle();
        } else if (bestAtPause.isFound()) {
            change = bestAtPause.middle();
        } else {
            searchMiddle(blocks, from, to, total, changes);
            return;
        }
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

    /**
     * The boundary with the largest distance among those offered in increasing order; of a run of consecutive
     * boundaries with equal distances (voiceless blocks between them, as in a pause) the middle one.
     */
    private static final class BestBoundary {
        private double distance = Double.NEGATIVE_INFINITY;
        private int first = -1;
        private int last = -1;

        void offer(int boundary, double d) {
            if (d > distance + 1e-9) {
                distance = d;
                first = boundary;
                last = boundary;
            } else if (d >= distance - 1e-9 && last == boundary - 1) {
                last = boundary;
            }
        }

        boolean isFound() {
            return first >= 0;
        }

        int middle() {
            return (first + last + 1) / 2;
        }
    }
}
