package org.classreflect.adapters.audio.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Voices made of 2 s windows whose mean frame wanders from window to window (what is being said) by a spread of 1 in
 * every coordinate, as one speaker's does; frames scatter about their window's mean by 1. A teacher's stray group (her
 * short answers, say) lies half a spread from the rest of her speech.
 */
class SameSpeakerMergeTest {

    private static final int FRAMES = 100;
    private final Random random = new Random(11);

    @Test
    void joinsAGroupOfOneSpeakersWindowsToTheRestOfThem() {
        int[] voiceOf = voices(60, 3);

        SameSpeakerMerge.merge(List.of(windows(60, 0), windows(3, 0.5)), voiceOf);

        assertThat(voiceOf).containsOnly(0);
    }

    @Test
    void joinsThemHoweverMuchSpeechEachGroupHolds() { // a test of difference would find this one significant
        int[] voiceOf = voices(600, 60);

        SameSpeakerMerge.merge(List.of(windows(600, 0), windows(60, 0.5)), voiceOf);

        assertThat(voiceOf).containsOnly(0);
    }

    @Test
    void keepsACloseSpeakerHeardAtLength() { // as much apart as the stray group, but not a small part of the voice
        int[] voiceOf = voices(60, 40);

        SameSpeakerMerge.merge(List.of(windows(60, 0), windows(40, 0.5)), voiceOf);

        assertThat(voiceOf).containsExactly(voices(60, 40));
    }

    @Test
    void keepsASpeakerWhoseVoiceLiesBeyondThatWander() {
        int[] voiceOf = voices(60, 3);

        SameSpeakerMerge.merge(List.of(windows(60, 0), windows(3, 2)), voiceOf); // 2 spreads away in every coordinate

        assertThat(voiceOf).containsExactly(voices(60, 3));
    }

    @Test
    void joinsAStrayGroupAndKeepsAStudentAmongThreeVoices() {
        int[] voiceOf = new int[] {0, 1, 2, -1};
        List<List<VoiceStats>> windows = List.of(windows(60, 0), windows(4, 0.5), windows(4, 2.5));

        SameSpeakerMerge.merge(windows, voiceOf);

        assertThat(voiceOf).containsExactly(0, 0, 2, -1); // the teacher's stray group joins; the student stays
    }

    @Test
    void leavesAVoiceWithoutWindowsAsItIs() {
        int[] voiceOf = voices(60, 1);

        SameSpeakerMerge.merge(List.of(windows(60, 0), List.of()), voiceOf);

        assertThat(voiceOf[60]).isEqualTo(1);
    }

    /** {@code first} pieces of voice 0, then {@code second} of voice 1. */
    private static int[] voices(int first, int second) {
        int[] voiceOf = new int[first + second];
        Arrays.fill(voiceOf, first, voiceOf.length, 1);
        return voiceOf;
    }

    /** Windows of a speaker whose mean voice is {@code voice} in every coordinate. */
    private List<VoiceStats> windows(int count, double voice) {
        List<VoiceStats> windows = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            double[] mean = new double[VoiceStats.DIM];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = voice + random.nextGaussian();
            }
            VoiceStats window = new VoiceStats();
            for (int f = 0; f < FRAMES; f++) {
                double[] cepstra = new double[VoiceFeatures.CEPSTRA];
                for (int i = 0; i < cepstra.length; i++) {
                    cepstra[i] = mean[i + 1] + random.nextGaussian();
                }
                window.add(mean[0] + random.nextGaussian(), cepstra);
            }
            windows.add(window);
        }
        return windows;
    }
}
