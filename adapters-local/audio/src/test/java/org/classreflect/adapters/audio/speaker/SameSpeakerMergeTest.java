package org.classreflect.adapters.audio.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Voices made of 1 s pieces whose mean frame wanders from piece to piece (what is being said) by a spread of 1 in
 * every coordinate, as one speaker's does; frames scatter about their piece's mean by 1.
 */
class SameSpeakerMergeTest {

    private static final int FRAMES = 100;
    private final Random random = new Random(11);

    @Test
    void joinsAGroupOfOneSpeakersPiecesToTheRestOfThem() {
        List<VoicePiece> pieces = new ArrayList<>();
        pieces.addAll(pieces(60, 0));
        pieces.addAll(pieces(3, 0)); // the same speaker's pieces, grouped apart
        int[] voiceOf = voices(60, 0, 3, 1);

        SameSpeakerMerge.merge(pieces, voiceOf, 2, AcousticSpeakerEstimator.MIN_CLUSTERED_FRAMES);

        assertThat(voiceOf).containsOnly(0);
    }

    @Test
    void keepsASpeakerWhoseVoiceLiesBeyondThatSpread() {
        List<VoicePiece> pieces = new ArrayList<>();
        pieces.addAll(pieces(60, 0));
        pieces.addAll(pieces(3, 3)); // a second speaker: every coordinate 3 spreads away
        int[] voiceOf = voices(60, 0, 3, 1);

        SameSpeakerMerge.merge(pieces, voiceOf, 2, AcousticSpeakerEstimator.MIN_CLUSTERED_FRAMES);

        assertThat(voiceOf).containsExactly(voices(60, 0, 3, 1));
    }

    @Test
    void leavesAVoiceWithoutWindowsEnoughToMeasureAlone() {
        List<VoicePiece> pieces = new ArrayList<>(pieces(60, 0));
        pieces.add(new VoicePiece(0, 0.2, frames(0, 0, 10), Double.NaN, List.of(frames(0, 0, 10))));
        int[] voiceOf = voices(60, 0, 1, 1);

        SameSpeakerMerge.merge(pieces, voiceOf, 2, AcousticSpeakerEstimator.MIN_CLUSTERED_FRAMES);

        assertThat(voiceOf[60]).isEqualTo(1);
    }

    private static int[] voices(int firstCount, int first, int secondCount, int second) {
        int[] voiceOf = new int[firstCount + secondCount];
        Arrays.fill(voiceOf, 0, firstCount, first);
        Arrays.fill(voiceOf, firstCount, voiceOf.length, second);
        return voiceOf;
    }

    /** Pieces of 1 s, one window each, of a speaker whose mean voice is {@code voice} in every coordinate. */
    private List<VoicePiece> pieces(int count, double voice) {
        List<VoicePiece> pieces = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            VoiceStats stats = frames(voice, 1, FRAMES);
            pieces.add(new VoicePiece(p, p + 1, stats, Double.NaN, List.of(stats)));
        }
        return pieces;
    }

    /** Frames about a piece mean drawn {@code spread} around {@code voice}. */
    private VoiceStats frames(double voice, double spread, int count) {
        double[] mean = new double[VoiceStats.DIM];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = voice + spread * random.nextGaussian();
        }
        VoiceStats stats = new VoiceStats();
        for (int f = 0; f < count; f++) {
            double[] cepstra = new double[VoiceFeatures.CEPSTRA];
            for (int i = 0; i < cepstra.length; i++) {
                cepstra[i] = mean[i + 1] + random.nextGaussian();
            }
            stats.add(mean[0] + random.nextGaussian(), cepstra);
        }
        return stats;
    }
}
