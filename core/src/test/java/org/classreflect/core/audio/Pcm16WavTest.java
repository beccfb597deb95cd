package org.classreflect.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pcm16WavTest {

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenComesBackInChunksWithinHalfAStepOf16Bits() {
        qt().withExamples(60).forAll(lists().of(floats().between(-1f, 1f)).ofSizeBetween(0, 1500),
                integers().between(1, 700)).checkAssert((samples, chunkSamples) -> {
            float[] written = toArray(samples);
            List<float[]> chunks = new ArrayList<>();
            float[] read = roundTrip(written, chunkSamples, chunks);
            assertThat(read).hasSameSizeAs(written);
            for (int i = 0; i < written.length; i++) {
                float representable = Math.min(written[i], 32767 / 32768f); // +1.0 has no 16-bit value
                assertThat(Math.abs(read[i] - representable)).isLessThanOrEqualTo(0.5f / 32768 + 1e-7f);
            }
            assertThat(chunks).allSatisfy(c -> assertThat(c.length).isBetween(1, chunkSamples));
        });
    }

    @Test
    void samplesBeyondFullScaleAreClampedNotWrapped() {
        float[] read = roundTrip(new float[] {1.5f, -1.5f, 1f, -1f}, 10, new ArrayList<>());
        assertThat(read).containsExactly(32767 / 32768f, -1f, 32767 / 32768f, -1f);
    }

    @Test
    void theFileIsAWavThatOtherToolsRead() throws Exception {
        Path file = write(new float[16_000], dir.resolve("one-second.wav"));
        AudioFormat format = AudioSystem.getAudioFileFormat(file.toFile()).getFormat();
        assertThat(format.getSampleRate()).isEqualTo(16_000f);
        assertThat(format.getChannels()).isEqualTo(1);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(AudioSystem.getAudioFileFormat(file.toFile()).getFrameLength()).isEqualTo(16_000);
    }

    @Test
    void aFileWhoseHeaderWasNeverFinishedIsRefusedBeforeAnySampleIsHandedOver() throws Exception {
        Path file = dir.resolve("unfinished.wav");
        try (Pcm16Wav.Writer writer = Pcm16Wav.create(file)) {
            writer.write(new float[] {0.1f, 0.2f});
        }
        assertRefusedWithoutSamples(file);
    }

    @Test
    void aFileCutShortOrGrownIsRefused() throws Exception {
        Path cut = write(new float[1000], dir.resolve("cut.wav"));
        try (FileChannel channel = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(cut) - 2);
        }
        assertRefusedWithoutSamples(cut);
        Path grown = write(new float[1000], dir.resolve("grown.wav"));
        Files.write(grown, new byte[] {0, 0}, StandardOpenOption.APPEND);
        assertRefusedWithoutSamples(grown);
    }

    @Test
    void anotherLayoutIsRefused() throws Exception {
        Path stereo = write(new float[1000], dir.resolve("stereo.wav"));
        try (FileChannel channel = FileChannel.open(stereo, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) 2), 22);
        }
        assertRefusedWithoutSamples(stereo);
        assertRefusedWithoutSamples(Files.write(dir.resolve("empty.wav"), new byte[0]));
    }

    private void assertRefusedWithoutSamples(Path file) {
        List<float[]> chunks = new ArrayList<>();
        assertThatThrownBy(() -> Pcm16Wav.stream(file, 100, chunks::add)).isInstanceOf(IOException.class);
        assertThat(chunks).isEmpty();
    }

    private float[] roundTrip(float[] samples, int chunkSamples, List<float[]> chunks) {
        try {
            Path file = write(samples, Files.createTempFile(dir, "pcm", ".wav"));
            Pcm16Wav.stream(file, chunkSamples, chunks::add);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        FloatBuffer all = FloatBuffer.allocate(chunks.stream().mapToInt(c -> c.length).sum());
        chunks.forEach(all::put);
        return all.array();
    }

    private static Path write(float[] samples, Path file) throws IOException {
        try (Pcm16Wav.Writer writer = Pcm16Wav.create(file)) {
            for (int from = 0; from < samples.length; from += 257) {
                writer.write(java.util.Arrays.copyOfRange(samples, from, Math.min(samples.length, from + 257)));
            }
            writer.finish();
        }
        return file;
    }

    private static float[] toArray(List<Float> samples) {
        float[] a = new float[samples.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = samples.get(i);
        }
        return a;
    }
}
