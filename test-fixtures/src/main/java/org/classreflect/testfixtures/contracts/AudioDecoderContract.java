package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.audio.UndecodableAudioException;
import org.classreflect.testfixtures.audio.AudioFixtures;
import org.classreflect.testfixtures.audio.AudioFixtures.Encoding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link AudioDecoder} must do: read every format a phone or laptop records (decided by content, not by
 * name), report the same duration for the same speech whatever the format, hand out 16 kHz mono samples in bounded
 * chunks, and refuse anything else with a message naming what it found.
 */
public abstract class AudioDecoderContract {

    /** jfk.wav: 176,000 samples at 16 kHz. */
    private static final double JFK_SECONDS = 11.0;
    private static final int CHUNK = 4_000;

    @TempDir
    protected Path dir;

    protected AudioDecoder decoder;

    protected abstract AudioDecoder newDecoder() throws Exception;

    @BeforeEach
    void createDecoder() throws Exception {
        decoder = newDecoder();
    }

    private Path jfkAs(Encoding encoding, String fileName) {
        return AudioFixtures.encode(AudioFixtures.shared("jfk.wav"), encoding, dir.resolve(fileName));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void everyFormatOfTheSameSpeechProbesToTheSameDuration(Encoding encoding) throws Exception {
        AudioInfo info = decoder.probe(jfkAs(encoding, "jfk." + encoding.extension()));

        assertThat(info.durationSeconds()).as(info.toString()).isCloseTo(JFK_SECONDS, within(0.1));
        assertThat(info.sampleRate()).isPositive();
        assertThat(info.channels()).isPositive();
        assertThat(info.format()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void everyFormatDecodesToSixteenKilohertzMonoInBoundedChunks(Encoding encoding) throws Exception {
        List<float[]> chunks = new ArrayList<>();
        decoder.decode(jfkAs(encoding, "jfk." + encoding.extension()), CHUNK, chunks::add);

        assertThat(chunks).allSatisfy(c -> assertThat(c.length).isBetween(1, CHUNK));
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c).hasSize(CHUNK));
        float[] decoded = join(chunks);
        assertThat(decoded.length / (double) AudioDecoder.SAMPLE_RATE).isCloseTo(JFK_SECONDS, within(0.1));
        for (float s : decoded) {
            assertThat(s).isBetween(-1f, 1f);
        }
        float[] original = AudioFixtures.samples(AudioFixtures.shared("jfk.wav"));
        assertThat(bestCorrelation(original, decoded)).as("the same speech, not noise of the same length")
                .isGreaterThan(0.95);
        assertThat(rms(decoded)).as("as loud as the original").isCloseTo(rms(original), within(0.02));
    }

    private static float[] join(List<float[]> chunks) {
        float[] all = new float[chunks.stream().mapToInt(c -> c.length).sum()];
        int at = 0;
        for (float[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return all;
    }

    /** Normalised correlation at the best shift within 0.1 s (codecs add a little delay), over the middle part. */
    private static double bestCorrelation(float[] a, float[] b) {
        int maxLag = AudioDecoder.SAMPLE_RATE / 10;
        double best = -1;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double ab = 0;
            double aa = 0;
            double bb = 0;
            for (int i = maxLag; i < a.length - maxLag; i += 16) {
                int j = i + lag;
                if (j >= 0 && j < b.length) {
                    ab += a[i] * b[j];
                    aa += a[i] * a[i];
                    bb += b[j] * b[j];
                }
            }
            best = Math.max(best, ab / Math.sqrt(aa * bb));
        }
        return best;
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (float s : samples) {
            sum += s * s;
        }
        return Math.sqrt(sum / samples.length);
    }

    @Test
    void theFileNameDoesNotDecide() throws Exception {
        Path mp3NamedWav = jfkAs(Encoding.MP3, "lesson.wav");
        Path m4aWithoutName = jfkAs(Encoding.M4A, "upload");

        assertThat(decoder.probe(mp3NamedWav).durationSeconds()).isCloseTo(JFK_SECONDS, within(0.1));
        assertThat(decoder.probe(m4aWithoutName).durationSeconds()).isCloseTo(JFK_SECONDS, within(0.1));
    }

    @Test
    void aPictureNamedMp3IsRefusedNamingWhatItIs() throws Exception {
        Path png = AudioFixtures.png(dir.resolve("lesson.mp3"));

        assertThatThrownBy(() -> decoder.probe(png)).isInstanceOf(UndecodableAudioException.class)
                .hasMessageContaining("png");
        assertThatThrownBy(() -> decoder.decode(png, CHUNK, c -> { }))
                .isInstanceOf(UndecodableAudioException.class);
    }

    @Test
    void textIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp3"), "Dear parents, the school trip is on Friday.\n"
                .repeat(50), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> decoder.probe(text)).isInstanceOf(UndecodableAudioException.class)
                .hasMessageNotContaining("null");
    }

    @Test
    void anAudioHeaderOverGarbageIsRefused() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(garbage);
        System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, garbage, 0, 3);
        garbage[3] = 4;
        for (int i = 4; i < 10; i++) {
            garbage[i] = 0;
        }
        Path fake = Files.write(dir.resolve("fake.mp3"), garbage);

        assertThatThrownBy(() -> decoder.probe(fake)).isInstanceOf(UndecodableAudioException.class);
    }

    @Test
    void aMissingFileIsAnIoErrorNotABadUpload() {
        assertThatThrownBy(() -> decoder.probe(dir.resolve("absent.wav"))).isInstanceOf(IOException.class);
    }
}
