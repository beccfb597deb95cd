package org.classreflect.adapters.audio.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Binary segmentation on blocks of frames drawn from known Gaussian "voices". */
class VoiceChangesTest {

    /** Two voices: mean and spread of every coordinate (pitch and cepstra). */
    private static final double[] TEACHER = {0, 1};
    private static final double[] STUDENT = {2, 0.5};
    /** Close enough to the teacher that no single cut of teacher, student, teacher separates two voices. */
    private static final double[] NEAR_STUDENT = {2, 1};

    private final Random random = new Random(7);

    @Test
    void findsTheBlockWhereASecondVoiceStarts() {
        List<VoiceStats> blocks = new ArrayList<>();
        blocks.addAll(blocks(12, TEACHER));
        blocks.addAll(blocks(9, STUDENT));

        assertThat(VoiceChanges.of(blocks)).containsExactly(12);
    }

    @Test
    void putsTheCutInTheMiddleOfVoicelessBlocks() {
        List<VoiceStats> blocks = new ArrayList<>();
        blocks.addAll(blocks(10, TEACHER));
        for (int k = 0; k < 4; k++) {
            blocks.add(new VoiceStats()); // a pause: blocks with no voiced frame
        }
        blocks.addAll(blocks(10, STUDENT));

        assertThat(VoiceChanges.of(blocks)).containsExactly(12); // pause from block boundary 10 to 14
    }

    @Test
    void cutsAtEveryPauseEvenInsideOneVoice() {
        List<VoiceStats> unbroken = blocks(30, TEACHER);
        List<VoiceStats> paused = new ArrayList<>(unbroken);
        paused.add(20, new VoiceStats()); // a pause of one block, 20 blocks in
        paused.add(10, new VoiceStats()); // and another 10 blocks in

        assertThat(VoiceChanges.of(unbroken)).isEmpty();
        assertThat(VoiceChanges.of(paused)).containsExactly(11, 22); // the boundary after each pause block
    }

    @Test
    void leavesAPauseWithTooLittleVoiceOnOneSideUncut() {
        List<VoiceStats> blocks = new ArrayList<>();
        for (int k = 0; k < VoiceChanges.MIN_SIDE_BLOCKS; k++) { // 1 s, with 20 voiced frames in all
            blocks.add(voiced(VoiceChanges.PAUSE_FRAMES, TEACHER));
        }
        blocks.add(new VoiceStats());
        blocks.addAll(blocks(20, TEACHER));
        List<VoiceStats> louder = new ArrayList<>(blocks);
        louder.set(0, voiced(UtteranceVoice.BLOCK_FRAMES, TEACHER)); // 40 voiced frames before the pause

        assertThat(VoiceChanges.of(blocks)).isEmpty();
        assertThat(VoiceChanges.of(louder)).containsExactly(VoiceChanges.MIN_SIDE_BLOCKS + 1);
    }

    @Test
    void leavesOneVoiceWhole() {
        assertThat(VoiceChanges.of(blocks(40, TEACHER))).isEmpty();
    }

    @Test
    void needsASecondOfSpeechOnEachSide() {
        List<VoiceStats> blocks = new ArrayList<>();
        blocks.addAll(blocks(20, TEACHER));
        blocks.addAll(blocks(VoiceChanges.MIN_SIDE_BLOCKS - 1, STUDENT));

        assertThat(VoiceChanges.of(blocks)).isEmpty();
    }

    @Test
    void cutsOutAShortTurnBetweenTwoStretchesOfAnotherVoice() {
        List<VoiceStats> blocks = new ArrayList<>();
        blocks.addAll(blocks(20, TEACHER));
        blocks.addAll(blocks(10, NEAR_STUDENT));
        blocks.addAll(blocks(20, TEACHER));

        assertThat(VoiceStats.distance(sum(blocks, 0, 20), sum(blocks, 20, 50)))
                .isLessThan(VoiceChanges.CHANGE_ABOVE); // the student's start alone is no change
        assertThat(VoiceStats.distance(sum(blocks, 0, 30), sum(blocks, 30, 50))).isLessThan(VoiceChanges.CHANGE_ABOVE);
        assertThat(VoiceChanges.of(blocks)).containsExactly(20, 30);
    }

    @Test
    void cutsOutTwoShortTurnsInsideOneStretchOfAnotherVoice() {
        List<VoiceStats> blocks = new ArrayList<>();
        for (double[] voice : List.of(TEACHER, NEAR_STUDENT, TEACHER, NEAR_STUDENT, TEACHER)) {
            blocks.addAll(blocks(voice == TEACHER ? 20 : 10, voice)); // 5 s of teacher, 2.5 s of student
        }

        assertThat(VoiceStats.meanDistance(sum(blocks, 12, 20), sum(blocks, 20, 28)))
                .isGreaterThan(VoiceChanges.PEAK_ABOVE); // 2 s of each voice around the first turn's start
        assertThat(VoiceChanges.of(blocks)).containsExactly(20, 30, 50, 60);
    }

    @Test
    void leavesALongStretchOfOneVoiceWholeWithFixedWindows() {
        assertThat(VoiceChanges.of(blocks(UtteranceVoice.MAX_STRETCH_BLOCKS, TEACHER))).isEmpty();
    }

    private static VoiceStats sum(List<VoiceStats> blocks, int from, int to) {
        VoiceStats sum = new VoiceStats();
        for (VoiceStats block : blocks.subList(from, to)) {
            sum = sum.plus(block);
        }
        return sum;
    }

    /** Blocks of 25 voiced frames from a voice. */
    private List<VoiceStats> blocks(int count, double[] voice) {
        List<VoiceStats> blocks = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            blocks.add(voiced(UtteranceVoice.BLOCK_FRAMES, voice));
        }
        return blocks;
    }

    /** A block with {@code frames} voiced frames: independent coordinates of the voice's mean and spread. */
    private VoiceStats voiced(int frames, double[] voice) {
        VoiceStats block = new VoiceStats();
        for (int f = 0; f < frames; f++) {
            double[] cepstra = new double[VoiceFeatures.CEPSTRA];
            for (int i = 0; i < cepstra.length; i++) {
                cepstra[i] = voice[0] + voice[1] * random.nextGaussian();
            }
            block.add(voice[0] + voice[1] * random.nextGaussian(), cepstra);
        }
        return block;
    }
}
