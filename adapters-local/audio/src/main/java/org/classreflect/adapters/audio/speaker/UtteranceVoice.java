package org.classreflect.adapters.audio.speaker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one utterance's frames add up to: {@link VoicePiece}s, one per stretch heard as one voice. Frames are kept as
 * summaries of blocks of {@link #BLOCK_FRAMES} (0.25 s) while the utterance is heard; when it ends, or after
 * {@link #MAX_STRETCH_BLOCKS} blocks (60 s) of it, {@link VoiceChanges} cuts the blocks where the voice changes and they
 * are summed into pieces. So memory is bounded by one stretch, whatever the length of the utterance.
 */
final class UtteranceVoice {

    static final int BLOCK_FRAMES = 25;
    static final double BLOCK_SECONDS = (double) BLOCK_FRAMES * VoiceFeatures.HOP / VoiceFeatures.SAMPLE_RATE;
    static final int MAX_STRETCH_BLOCKS = 240;
    /** The confidence is measured on windows of about this length: shorter than most turns, so a voice that speaks
     *  once is still heard in more than one. */
    static final double WINDOW_SECONDS = 2.0;
    private static final int WINDOW_BLOCKS = (int) Math.round(WINDOW_SECONDS / BLOCK_SECONDS);

    private final double start;
    private double end;
    private final List<VoiceStats> blocks = new ArrayList<>();
    private final List<double[]> blockPitches = new ArrayList<>();
    private final List<Integer> blockLoudFrames = new ArrayList<>();
    private final List<VoicePiece> pieces = new ArrayList<>();
    private int firstBlock;
    private int frames;
    private boolean finished;

    UtteranceVoice(double start, double end) {
        this.start = start;
        this.end = end;
    }

    /** Adds the utterance's next frame; only loud, voiced frames carry the voice. */
    void add(VoiceFeatures frame, boolean isLoud) {
        if (frames % BLOCK_FRAMES == 0) {
            if (blocks.size() == MAX_STRETCH_BLOCKS) {
                cutStretch(false);
            }
            blocks.add(new VoiceStats());
            double[] pitches = new double[BLOCK_FRAMES];
            Arrays.fill(pitches, Double.NaN);
            blockPitches.add(pitches);
            blockLoudFrames.add(0);
        }
        if (isLoud) {
            blockLoudFrames.set(blockLoudFrames.size() - 1, blockLoudFrames.get(blockLoudFrames.size() - 1) + 1);
        }
        if (isLoud && !Double.isNaN(frame.pitch)) {
            blocks.get(blocks.size() - 1).add(frame.pitch, frame.cepstra);
            blockPitches.get(blockPitches.size() - 1)[frames % BLOCK_FRAMES] = frame.pitch;
        }
        frames++;
    }

    /**
     * The pieces of a stretch whose end was not known while it was heard (speech outside the utterances, given an
     * unbounded end), ending at {@code end}; as {@link #finish}.
     */
    List<VoicePiece> finishAt(double end) {
        this.end = end;
        return finish();
    }

    /** The pieces, in time order, covering the whole utterance; no frame may be added after. */
    List<VoicePiece> finish() {
        if (!finished) {
            finished = true;
            if (blocks.isEmpty()) {
                VoiceStats none = new VoiceStats();
                pieces.add(new VoicePiece(start, end, 0, none, Double.NaN, List.of(none)));
            } else {
                cutStretch(true);
            }
        }
        return pieces;
    }

    private void cutStretch(boolean last) {
        List<Integer> edges = new ArrayList<>();
        edges.add(0);
        edges.addAll(VoiceChanges.of(blocks));
        edges.add(blocks.size());
        for (int p = 0; p + 1 < edges.size(); p++) {
            int from = edges.get(p);
            int to = edges.get(p + 1);
            double pieceStart = pieces.isEmpty() ? start : timeOf(from);
            double pieceEnd = last && to == blocks.size() ? end : timeOf(to);
            pieces.add(new VoicePiece(pieceStart, Math.max(pieceStart, pieceEnd),
                    blockLoudFrames.subList(from, to).stream().mapToInt(Integer::intValue).sum(), sum(from, to),
                    endRise(from, to), windows(from, to)));
        }
        firstBlock += blocks.size();
        blocks.clear();
        blockPitches.clear();
        blockLoudFrames.clear();
    }

    private double timeOf(int block) {
        return Math.min(end, start + (firstBlock + block) * BLOCK_SECONDS);
    }

    private VoiceStats sum(int from, int to) {
        VoiceStats sum = new VoiceStats();
        for (int k = from; k < to; k++) {
            sum = sum.plus(blocks.get(k));
        }
        return sum;
    }

    private List<VoiceStats> windows(int from, int to) {
        int count = Math.max(1, (int) Math.round((double) (to - from) / WINDOW_BLOCKS));
        if (count == 1) {
            return List.of(sum(from, to));
        }
        List<VoiceStats> windows = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            windows.add(sum(from + (to - from) * w / count, from + (to - from) * (w + 1) / count));
        }
        return windows;
    }

    /** The final rise ({@link TerminalRise}) of the last voiced frames of blocks {@code from..to}. */
    private double endRise(int from, int to) {
        double[] last = new double[TerminalRise.FRAMES];
        int kept = 0;
        for (int k = to - 1; k >= from && kept < last.length; k--) {
            double[] pitches = blockPitches.get(k);
            for (int f = BLOCK_FRAMES - 1; f >= 0 && kept < last.length; f--) {
                if (!Double.isNaN(pitches[f])) {
                    last[last.length - 1 - kept++] = pitches[f];
                }
            }
        }
        return TerminalRise.of(Arrays.copyOfRange(last, last.length - kept, last.length));
    }
}
