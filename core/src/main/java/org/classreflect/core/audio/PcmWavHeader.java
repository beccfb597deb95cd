package org.classreflect.core.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The header of a PCM WAV file (integer or float samples, plain or WAVE_FORMAT_EXTENSIBLE), which is all it takes to
 * know the file's exact length: every byte of the data chunk is a sample, so no header can lie about it the way an
 * mp3's can. The one home of that rule; other layouts (compressed WAV, RF64, a block size that does not match the
 * sample size) are not read here and keep the decoding check.
 *
 * <p>Recorders that were cut off leave a data chunk whose declared size is 0, 0xFFFFFFFF or more than the file holds:
 * then the bytes actually present count, in whole frames. Otherwise the declared size counts, which leaves out
 * chunks written after the data (a LIST at the end).
 */
public final class PcmWavHeader {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long SIZE_UNKNOWN = 0xFFFF_FFFFL;

    private final int formatTag;
    private final int channels;
    private final int sampleRate;
    private final int bitsPerSample;
    private final long dataOffset;
    private final long declaredDataBytes;

    private PcmWavHeader(int formatTag, int channels, int sampleRate, int bitsPerSample, long dataOffset,
                         long declaredDataBytes) {
        this.formatTag = formatTag;
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.bitsPerSample = bitsPerSample;
        this.dataOffset = dataOffset;
        this.declaredDataBytes = declaredDataBytes;
    }

    /**
     * Reads the header from a file's first {@code length} bytes; empty when they are not a PCM WAV's header up to the
     * start of its data chunk.
     */
    public static Optional<PcmWavHeader> read(byte[] head, int length) {
        ByteBuffer bytes = ByteBuffer.wrap(head, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        if (length < 12 || !tag(bytes, 0).equals("RIFF") || !tag(bytes, 8).equals("WAVE")) {
            return Optional.empty();
        }
        ByteBuffer fmt = null;
        long chunk = 12;
        while (chunk + 8 <= length) {
            String id = tag(bytes, (int) chunk);
            long size = Integer.toUnsignedLong(bytes.getInt((int) chunk + 4));
            if (id.equals("data")) {
                return fmt == null ? Optional.empty() : of(fmt, chunk + 8, size);
            }
            if (id.equals("fmt ")) {
                if (size < 16 || chunk + 8 + size > length) {
                    return Optional.empty();
                }
                fmt = bytes.slice((int) chunk + 8, (int) size).order(ByteOrder.LITTLE_ENDIAN);
            }
            chunk += 8 + size + (size & 1); // chunks are padded to an even size
        }
        return Optional.empty();
    }

    private static Optional<PcmWavHeader> of(ByteBuffer fmt, long dataOffset, long declaredDataBytes) {
        int tag = fmt.getShort(0) & 0xFFFF;
        int channels = fmt.getShort(2) & 0xFFFF;
        long rate = Integer.toUnsignedLong(fmt.getInt(4));
        int blockAlign = fmt.getShort(12) & 0xFFFF;
        int bits = fmt.getShort(14) & 0xFFFF;
        if (tag == FORMAT_EXTENSIBLE) {
            // the sub-format GUID's first two bytes are the plain format tag
            tag = fmt.capacity() >= 40 ? fmt.getShort(24) & 0xFFFF : 0;
        }
        boolean sampleSize = tag == FORMAT_PCM ? bits == 8 || bits == 16 || bits == 24 || bits == 32
                : tag == FORMAT_FLOAT && (bits == 32 || bits == 64);
        if (!sampleSize || channels == 0 || rate == 0 || rate > Integer.MAX_VALUE
                || blockAlign != channels * bits / 8) {
            return Optional.empty();
        }
        return Optional.of(new PcmWavHeader(tag, channels, (int) rate, bits, dataOffset, declaredDataBytes));
    }

    /** The file's sound, exact, from this header and the file's size in bytes. */
    public AudioInfo info(long fileBytes) {
        long present = Math.max(0, fileBytes - dataOffset);
        boolean cutOff = declaredDataBytes == 0 || declaredDataBytes == SIZE_UNKNOWN || declaredDataBytes > present;
        long frames = (cutOff ? present : declaredDataBytes) / frameBytes();
        return new AudioInfo("wav/" + codecName(), frames / (double) sampleRate, sampleRate, channels);
    }

    private int frameBytes() {
        return channels * bitsPerSample / 8;
    }

    /** FFmpeg's name for the sample format, so the info reads as the decoder's would. */
    private String codecName() {
        if (formatTag == FORMAT_FLOAT) {
            return "pcm_f" + bitsPerSample + "le";
        }
        return bitsPerSample == 8 ? "pcm_u8" : "pcm_s" + bitsPerSample + "le";
    }

    private static String tag(ByteBuffer bytes, int offset) {
        byte[] ascii = new byte[4];
        bytes.get(offset, ascii);
        return new String(ascii, StandardCharsets.US_ASCII);
    }
}
