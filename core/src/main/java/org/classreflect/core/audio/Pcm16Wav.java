package org.classreflect.core.audio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Decoded audio in its compact form: a 16 kHz mono 16-bit PCM WAV, 32 KB a second (half of float samples). Samples
 * are scaled by 32768, the inverse of FFmpeg's 16-bit to float conversion, so a 16 kHz mono 16-bit source comes out
 * sample for sample. The one home of the format, for the engine that reads such a file (pocketsphinx) and for the
 * decoded pass a job keeps ({@link DecodedAudioCache}).
 */
public final class Pcm16Wav {

    private static final int HEADER_BYTES = 44;
    private static final int BYTES_PER_SAMPLE = 2;
    private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - 36;

    private Pcm16Wav() {
    }

    /** Writes into {@code target} (created or emptied); the header holds the sizes once {@link Writer#finish()}ed. */
    public static Writer create(Path target) throws IOException {
        return new Writer(target);
    }

    /**
     * Hands the samples of a complete file written by {@link Writer} over in order, in chunks of at most
     * {@code chunkSamples}. Anything else (another layout, a size the header does not state, a file cut short) is
     * refused with an IOException before a single sample is handed over.
     */
    public static void stream(Path file, int chunkSamples, Consumer<float[]> chunks) throws IOException {
        if (chunkSamples < 1) {
            throw new IllegalArgumentException("chunkSamples must be at least 1");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(HEADER_BYTES);
            long dataBytes = Files.size(file) - HEADER_BYTES;
            if (header.length < HEADER_BYTES || dataBytes % BYTES_PER_SAMPLE != 0
                    || !Arrays.equals(header, header(dataBytes))) {
                throw new IOException(file + " is not a complete 16 kHz mono 16-bit WAV");
            }
            byte[] bytes = new byte[(int) Math.min(dataBytes, (long) chunkSamples * BYTES_PER_SAMPLE)];
            for (long left = dataBytes; left > 0; ) {
                int n = in.readNBytes(bytes, 0, (int) Math.min(bytes.length, left));
                if (n == 0) {
                    throw new IOException(file + " ended before the size its header states");
                }
                ByteBuffer pcm = ByteBuffer.wrap(bytes, 0, n).order(ByteOrder.LITTLE_ENDIAN);
                float[] chunk = new float[n / BYTES_PER_SAMPLE];
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = pcm.getShort() / 32768f;
                }
                chunks.accept(chunk);
                left -= n;
            }
        }
    }

    /** The one layout this class writes and reads: PCM, one channel, 16 kHz, 16 bits. */
    private static byte[] header(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(AudioDecoder.SAMPLE_RATE)
                .putInt(AudioDecoder.SAMPLE_RATE * BYTES_PER_SAMPLE).putShort((short) BYTES_PER_SAMPLE)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.array();
    }

    /** Appends float chunks as 16-bit samples; memory is one buffer, whatever the length. */
    public static final class Writer implements AutoCloseable {

        private final Path target;
        private final OutputStream out;
        private ByteBuffer pcm = ByteBuffer.allocate(0);
        private long samples;

        private Writer(Path target) throws IOException {
            this.target = target;
            this.out = new BufferedOutputStream(Files.newOutputStream(target), 64 * 1024);
            out.write(header(0));
        }

        public void write(float[] chunk) throws IOException {
            if ((samples + chunk.length) * BYTES_PER_SAMPLE > MAX_DATA_BYTES) {
                throw new IOException("too long for a WAV file: more than 4 GB of samples");
            }
            if (pcm.capacity() < chunk.length * BYTES_PER_SAMPLE) {
                pcm = ByteBuffer.allocate(chunk.length * BYTES_PER_SAMPLE).order(ByteOrder.LITTLE_ENDIAN);
            }
            pcm.clear();
            for (float s : chunk) {
                pcm.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(s * 32768))));
            }
            out.write(pcm.array(), 0, pcm.position());
            samples += chunk.length;
        }

        public long samples() {
            return samples;
        }

        /** Closes the file with the sizes in its header: until then it is not a WAV {@link #stream} accepts. */
        public void finish() throws IOException {
            out.close();
            try (FileChannel file = FileChannel.open(target, StandardOpenOption.WRITE)) {
                file.write(ByteBuffer.wrap(header(samples * BYTES_PER_SAMPLE)), 0);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
