package org.classreflect.adapters.speech.whisper;

import java.util.Arrays;

/**
 * Cuts a stream of samples into windows of at most {@code windowSamples}, each ending at the quietest moment of its
 * last {@code searchSamples}, so that a window boundary rarely splits a word. Memory stays bounded by one window
 * plus one chunk, whatever the length of the lesson.
 */
final class AudioWindows {

    /** 20 ms at 16 kHz: short enough to find the gap between two words. */
    static final int FRAME = 320;

    /** Receives each window with the index of its first sample in the whole audio. */
    @FunctionalInterface
    interface Sink {
        void window(float[] samples, long startSample);
    }

    private final int windowSamples;
    private final int searchSamples;
    private final Sink sink;
    private float[] buffer;
    private int buffered;
    private long bufferStart;

    AudioWindows(int windowSamples, int searchSamples, Sink sink) {
        if (windowSamples < 2 * FRAME || searchSamples < FRAME || searchSamples > windowSamples / 2) {
            throw new IllegalArgumentException("a window must be at least two frames and search at most half of it");
        }
        this.windowSamples = windowSamples;
        this.searchSamples = searchSamples;
        this.sink = sink;
        this.buffer = new float[windowSamples];
    }

    void accept(float[] chunk) {
        if (buffered + chunk.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, buffered + chunk.length);
        }
        System.arraycopy(chunk, 0, buffer, buffered, chunk.length);
        buffered += chunk.length;
        while (buffered >= windowSamples) {
            emit(quietestCut(buffer, windowSamples - searchSamples, windowSamples));
        }
    }

    /** Hands over whatever is left. */
    void finish() {
        if (buffered > 0) {
            emit(buffered);
        }
    }

    private void emit(int cut) {
        sink.window(Arrays.copyOf(buffer, cut), bufferStart);
        System.arraycopy(buffer, cut, buffer, 0, buffered - cut);
        buffered -= cut;
        bufferStart += cut;
    }

    /**
     * Where in {@code [from, to)} to cut: the middle of the 20 ms frame with the least energy (the latest one on a
     * tie, to keep windows long).
     */
    static int quietestCut(float[] samples, int from, int to) {
        int best = to - FRAME;
        double bestEnergy = Double.MAX_VALUE;
        for (int start = from; start + FRAME <= to; start += FRAME) {
            double energy = 0;
            for (int i = start; i < start + FRAME; i++) {
                energy += samples[i] * samples[i];
            }
            if (energy <= bestEnergy) {
                bestEnergy = energy;
                best = start;
            }
        }
        return best + FRAME / 2;
    }
}
