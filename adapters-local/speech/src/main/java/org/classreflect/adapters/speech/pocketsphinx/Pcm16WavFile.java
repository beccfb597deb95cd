package org.classreflect.adapters.speech.pocketsphinx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.UndecodableAudioException;

/**
 * Writes any decodable audio as the 16 kHz mono 16-bit PCM WAV that pocketsphinx reads, one chunk at a time. Scaled
 * by 32768, the inverse of FFmpeg's 16-bit to float conversion, so a 16 kHz mono WAV comes out sample for sample.
 */
final class Pcm16WavFile {

    private static final int HEADER_BYTES = 44;
    private static final int CHUNK_SAMPLES = 16_000 * 10;

    private Pcm16WavFile() {
    }

    /** Returns the length of the written audio in seconds. */
    static double write(AudioDecoder decoder, Path source, Path target) throws IOException, UndecodableAudioException {
        long[] samples = {0};
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 64 * 1024)) {
            out.write(header(0));
            ByteBuffer pcm = ByteBuffer.allocate(CHUNK_SAMPLES * 2).order(ByteOrder.LITTLE_ENDIAN);
            decoder.decode(source, CHUNK_SAMPLES, chunk -> {
                pcm.clear();
                for (float s : chunk) {
                    pcm.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(s * 32768))));
                }
                try {
                    out.write(pcm.array(), 0, pcm.position());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                samples[0] += chunk.length;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        try (FileChannel file = FileChannel.open(target, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(header(samples[0] * 2)), 0);
        }
        return samples[0] / (double) AudioDecoder.SAMPLE_RATE;
    }

    private static byte[] header(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(AudioDecoder.SAMPLE_RATE)
                .putInt(AudioDecoder.SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.array();
    }
}
