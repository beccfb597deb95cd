package org.classreflect.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.core.InMemoryCore.jdkWav;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** WAV files written by the JDK's own writer, then cut, padded and relabelled as recorders leave them. */
class PcmWavHeaderTest {

    private static final int RATE = 48_000;
    private static final int STEREO_16_BIT_FRAME = 4;
    /** The JDK writes the plain 44-byte header: the data chunk's size field is at 40. */
    private static final int DATA_SIZE_FIELD = 40;

    @Test
    void aWholeFileLastsItsFramesOverItsRate() throws IOException {
        byte[] wav = jdkWav(new javax.sound.sampled.AudioFormat(RATE, 16, 2, true, false), 72_000);

        AudioInfo info = info(wav);

        assertThat(info.durationSeconds()).isEqualTo(1.5);
        assertThat(info.sampleRate()).isEqualTo(RATE);
        assertThat(info.channels()).isEqualTo(2);
        assertThat(info.format()).isEqualTo("wav/pcm_s16le");
    }

    @Test
    void eightBitMonoAndFloatSamplesAreReadToo() throws IOException {
        byte[] unsigned8 = jdkWav(new javax.sound.sampled.AudioFormat(8_000, 8, 1, false, false), 20_000);
        byte[] float32 = jdkWav(new javax.sound.sampled.AudioFormat(
                javax.sound.sampled.AudioFormat.Encoding.PCM_FLOAT, 16_000, 32, 1, 4, 16_000, false), 8_000);

        assertThat(info(unsigned8).durationSeconds()).isEqualTo(2.5);
        assertThat(info(unsigned8).format()).isEqualTo("wav/pcm_u8");
        assertThat(info(float32).durationSeconds()).isEqualTo(0.5);
        assertThat(info(float32).format()).isEqualTo("wav/pcm_f32le");
    }

    @Test
    void aDataSizeOfZeroOrUnknownCountsTheBytesPresent() throws IOException {
        byte[] wav = jdkWav(new javax.sound.sampled.AudioFormat(RATE, 16, 2, true, false), 48_000);

        assertThat(info(withDataSize(wav, 0)).durationSeconds()).isEqualTo(1.0);
        assertThat(info(withDataSize(wav, 0xFFFF_FFFFL)).durationSeconds()).isEqualTo(1.0);
    }

    @Test
    void aRecorderCutOffMidFrameCountsTheWholeFramesPresent() throws IOException {
        byte[] wav = jdkWav(new javax.sound.sampled.AudioFormat(RATE, 16, 2, true, false), 48_000);
        // the header still says one second; half a second and three bytes of a frame made it to the file
        byte[] cut = Arrays.copyOf(wav, 44 + 24_000 * STEREO_16_BIT_FRAME + 3);

        assertThat(info(cut).durationSeconds()).isEqualTo(0.5);
    }

    @Test
    void aChunkAfterTheDataIsNotSound() throws IOException {
        byte[] wav = jdkWav(new javax.sound.sampled.AudioFormat(RATE, 16, 2, true, false), 48_000);
        byte[] withList = concat(wav, chunk("LIST", "INFOISFT\u000e\0\0\0recorder 2.1\0\0"));

        assertThat(info(withList).durationSeconds()).isEqualTo(1.0);
    }

    @Test
    void chunksBeforeTheDataAreSkippedWithTheirPadding() throws IOException {
        byte[] wav = jdkWav(new javax.sound.sampled.AudioFormat(RATE, 16, 2, true, false), 48_000);
        byte[] odd = chunk("bext", "x".repeat(601)); // odd size: one pad byte follows
        byte[] moved = concat(Arrays.copyOf(wav, 36), odd, Arrays.copyOfRange(wav, 36, wav.length));

        assertThat(info(moved).durationSeconds()).isEqualTo(1.0);
        assertThat(info(moved).channels()).isEqualTo(2);
    }

    @Test
    void anExtensibleHeaderIsReadByItsSubFormat() throws IOException {
        byte[] wav = jdkWav(new javax.sound.sampled.AudioFormat(RATE, 24, 2, true, false), 24_000);
        ByteBuffer fmt = ByteBuffer.allocate(8 + 40).order(ByteOrder.LITTLE_ENDIAN);
        fmt.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(40).putShort((short) 0xFFFE).putShort((short) 2)
                .putInt(RATE).putInt(RATE * 6).putShort((short) 6).putShort((short) 24)
                .putShort((short) 22).putShort((short) 24).putInt(3) // valid bits, channel mask
                .putShort((short) 1).put(new byte[14]); // sub-format: PCM, then the rest of the GUID
        byte[] extensible = concat(Arrays.copyOf(wav, 12), fmt.array(), Arrays.copyOfRange(wav, 36, wav.length));

        assertThat(info(extensible).durationSeconds()).isEqualTo(0.5);
        assertThat(info(extensible).format()).isEqualTo("wav/pcm_s24le");
    }

    @Test
    void compressedWavKeepsTheDecodingCheck() throws IOException {
        byte[] ulaw = jdkWav(new javax.sound.sampled.AudioFormat(
                javax.sound.sampled.AudioFormat.Encoding.ULAW, 8_000, 8, 1, 1, 8_000, false), 8_000);

        assertThat(read(ulaw)).isEmpty();
    }

    @Test
    void aHeaderThatEndsBeforeTheDataChunkOrDisagreesWithItselfIsNotRead() throws IOException {
        byte[] wav = jdkWav(new javax.sound.sampled.AudioFormat(RATE, 16, 2, true, false), 4_800);
        byte[] wrongBlockSize = wav.clone();
        wrongBlockSize[32] = 3; // block align 3 for 2 channels of 16 bits

        assertThat(read(Arrays.copyOf(wav, 40))).isEmpty();
        assertThat(read(wrongBlockSize)).isEmpty();
        assertThat(read("RIFF\0\0\0\0WAVEdata\0\0\0\0".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(read(wav)).isPresent();
    }

    private static AudioInfo info(byte[] wav) {
        return read(wav).orElseThrow().info(wav.length);
    }

    private static Optional<PcmWavHeader> read(byte[] wav) {
        return PcmWavHeader.read(wav, wav.length);
    }

    private static byte[] withDataSize(byte[] wav, long size) {
        byte[] copy = wav.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(DATA_SIZE_FIELD, (int) size);
        return copy;
    }

    private static byte[] chunk(String id, String body) {
        byte[] content = body.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(8 + content.length + (content.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(content.length).put(content);
        return chunk.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
