package org.classreflect.adapters.audio.speaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TerminalRiseTest {

    /** A contour in semitones from {@code from} to {@code to} over {@code frames} frames, straight. */
    private static double[] line(double from, double to, int frames) {
        double[] contour = new double[frames];
        for (int i = 0; i < frames; i++) {
            contour[i] = from + (to - from) * i / (frames - 1);
        }
        return contour;
    }

    private static double[] joined(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    @Test
    void aLateRiseAfterADipIsMeasuredFromTheDip() {
        // falls 3 semitones over 0.25 s, then rises 5 over the last 0.15 s (espeak-ng's "…its own well?")
        double[] question = joined(line(0, -3, 25), line(-3, 2, 15));

        assertEquals(4.2, TerminalRise.of(question), 0.2, "the end is the median of its last 50 ms");
    }

    @Test
    void aVoiceFallingToItsEndDoesNotRise() {
        double[] statement = line(2, -4, 40);

        assertEquals(0, TerminalRise.of(statement), 0.2);
    }

    @Test
    void aHalfWayAccentThatFallsAgainIsNoFinalRise() {
        double[] statement = joined(line(0, -2, 10), line(-2, 3, 10), line(3, -1, 20));

        assertEquals(1.2, TerminalRise.of(statement), 0.2);
    }

    @Test
    void anOctaveJumpIsNeitherADipNorARise() {
        double[] falling = line(2, -4, 40);
        falling[20] -= 12;
        falling[21] -= 12;
        falling[22] -= 12;
        double[] endingAnOctaveUp = line(2, -4, 40);
        for (int i = 34; i < 40; i++) {
            endingAnOctaveUp[i] += 12;
        }

        assertEquals(0, TerminalRise.of(falling), 0.2);
        assertTrue(TerminalRise.of(endingAnOctaveUp) < 1, "an end an octave up is a tracking error");
    }

    @Test
    void aLastWordStartingHigherAndFallingIsNoRise() {
        // falls to -4, then a new word starts 4 semitones up (a jump between frames) and falls a little
        double[] statement = joined(line(0, -4, 25), line(0, -0.5, 15));

        assertEquals(0, TerminalRise.of(statement), 0.2, "not the 3.6 from the low point before the jump");
    }

    @Test
    void framesAtTheTrackersFloorMakeNoLowPoint() {
        double[] fallingBelowTheFloor = line(VoiceFeatures.LOWEST_PITCH + 3, VoiceFeatures.LOWEST_PITCH + 0.5, 30);
        double[] withFloorFrames = joined(fallingBelowTheFloor, line(VoiceFeatures.LOWEST_PITCH,
                VoiceFeatures.LOWEST_PITCH, 8), line(VoiceFeatures.LOWEST_PITCH + 0.6, VoiceFeatures.LOWEST_PITCH + 0.5, 2));

        assertTrue(TerminalRise.of(withFloorFrames) < 0.5, "a voice below the floor and back is no rise");
    }

    @Test
    void tooFewVoicedFramesTellNothing() {
        assertTrue(Double.isNaN(TerminalRise.of(line(-3, 3, TerminalRise.MIN_FRAMES - 1))));
        assertEquals(5, TerminalRise.of(line(-3, 3, TerminalRise.MIN_FRAMES)), 0.2);
    }
}
