package org.classreflect.adapters.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.testfixtures.audio.AudioFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An mp3 with a dense head and a sparse tail and no Xing header: the probe believes the headers (file size / first
 * bitrate) and reports a fraction of the length; {@link AudioDecoder#measure} counts decoded samples and is not
 * fooled, and stops decoding as soon as the limit is passed.
 */
class FfmpegLyingLengthTest {

    private static final int DENSE = 10;
    private static final int SPARSE = 300;

    @TempDir
    static Path dir;

    private static Path lying;
    private final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();

    @BeforeAll
    static void encode() {
        lying = AudioFixtures.lyingMp3(dir.resolve("lying.mp3"), DENSE, SPARSE);
    }

    @Test
    void theProbeBelievesTheHeadersAndReportsAFractionOfTheLength() throws Exception {
        double probed = decoder.probe(lying).durationSeconds();
        System.out.printf("lying mp3: %d bytes, probe says %.1f s, it holds %d s%n", Files.size(lying), probed,
                DENSE + SPARSE);
        assertThat(probed).isLessThan((DENSE + SPARSE) / 5.0);
    }

    @Test
    void measuringDecodesAndFindsTheRealLength() throws Exception {
        long started = System.nanoTime();
        AudioDecoder.Measurement m = decoder.measure(lying, Duration.ofHours(1));
        System.out.printf("measure: %.1f s decoded in %d ms%n", m.seconds(), (System.nanoTime() - started) / 1_000_000);

        assertThat(m.longerThanLimit()).isFalse();
        assertThat(m.seconds()).isBetween(DENSE + SPARSE - 1.0, DENSE + SPARSE + 1.0);
    }

    @Test
    void measuringStopsAtTheLimit() throws Exception {
        AudioDecoder.Measurement m = decoder.measure(lying, Duration.ofSeconds(60));

        assertThat(m.longerThanLimit()).isTrue();
        assertThat(m.seconds()).isBetween(60.0, 62.0);
    }
}
