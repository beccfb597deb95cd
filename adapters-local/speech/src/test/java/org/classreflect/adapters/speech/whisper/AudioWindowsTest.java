package org.classreflect.adapters.speech.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioWindowsTest {

    private record Window(float[] samples, long start) {
    }

    @Test
    void theCutFallsInTheQuietGap() {
        float[] loud = new float[16_000];
        Arrays.fill(loud, 0.5f);
        Arrays.fill(loud, 12_000, 12_640, 0.001f);

        int cut = AudioWindows.quietestCut(loud, 8_000, 16_000);

        assertThat(cut).isBetween(12_000, 12_640);
    }

    @Test
    void inSilenceTheCutIsAsLateAsPossible() {
        int cut = AudioWindows.quietestCut(new float[16_000], 8_000, 16_000);

        assertThat(cut).isEqualTo(16_000 - AudioWindows.FRAME / 2);
    }

    @Test
    void windowsAreBoundedAndTogetherAreTheWholeStreamInOrder() {
        List<Window> windows = new ArrayList<>();
        AudioWindows cutter = new AudioWindows(10_000, 2_000, (samples, start) -> windows.add(new Window(samples, start)));
        float[] all = new float[57_123];
        for (int i = 0; i < all.length; i++) {
            all[i] = (float) Math.sin(i / 7.0) * (i % 9_000 < 500 ? 0.01f : 0.8f);
        }

        for (int from = 0; from < all.length; from += 3_333) {
            cutter.accept(Arrays.copyOfRange(all, from, Math.min(all.length, from + 3_333)));
        }
        cutter.finish();

        long expectedStart = 0;
        for (Window w : windows) {
            assertThat(w.start()).isEqualTo(expectedStart);
            assertThat(w.samples().length).isBetween(1, 10_000);
            assertThat(w.samples()).containsExactly(
                    Arrays.copyOfRange(all, (int) w.start(), (int) w.start() + w.samples().length));
            expectedStart += w.samples().length;
        }
        assertThat(expectedStart).isEqualTo(all.length);
        assertThat(windows).hasSizeGreaterThanOrEqualTo(6);
        assertThat(windows.subList(0, windows.size() - 1))
                .allSatisfy(w -> assertThat(w.samples().length).isGreaterThanOrEqualTo(8_000));
    }
}
