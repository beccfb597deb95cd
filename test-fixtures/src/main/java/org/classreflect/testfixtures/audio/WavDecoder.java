package org.classreflect.testfixtures.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.audio.UndecodableAudioException;

/**
 * WAV only, with the JDK's own reader: channels are averaged, and other sample rates are resampled by linear
 * interpolation (no anti-aliasing filter; fine for speech). Streams, so memory stays bounded by the chunk. The
 * FFmpeg decoder is the one for everything else; this one needs no native library, which suits tests.
 */
public final class WavDecoder implements AudioDecoder {

    private static final int BYTES_PER_SAMPLE = 2;

    @Override
    public AudioInfo probe(Path file) throws IOException, UndecodableAudioException {
        try {
            AudioFileFormat container = AudioSystem.getAudioFileFormat(file.toFile());
            AudioFormat format = container.getFormat();
            double seconds = container.getFrameLength() < 0 ? 0 : container.getFrameLength() / format.getFrameRate();
            return new AudioInfo("wav", seconds, Math.round(format.getSampleRate()), format.getChannels());
        } catch (UnsupportedAudioFileException e) {
            throw notWav(e);
        }
    }

    @Override
    public void decode(Path file, int chunkSamples, Consumer<float[]> chunks)
            throws IOException, UndecodableAudioException {
        if (chunkSamples < 1) {
            throw new IllegalArgumentException("chunkSamples must be at least 1");
        }
        try (AudioInputStream source = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat in = source.getFormat();
            AudioFormat pcm16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, in.getSampleRate(), 16,
                    in.getChannels(), in.getChannels() * BYTES_PER_SAMPLE, in.getSampleRate(), false);
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(pcm16, source)) {
                Chunker out = new Chunker(chunkSamples, chunks);
                readMono(pcm, in.getChannels(), new Resampler(in.getSampleRate(), out));
                out.flush();
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw notWav(e);
        }
    }

    private static UndecodableAudioException notWav(Exception e) {
        return new UndecodableAudioException("the audio is not a WAV file this decoder can read (" + e.getMessage()
                + "); convert it to 16-bit PCM WAV", e);
    }

    private static void readMono(AudioInputStream pcm, int channels, Resampler out) throws IOException {
        int frameBytes = channels * BYTES_PER_SAMPLE;
        byte[] buffer = new byte[frameBytes * 8192];
        int filled = 0;
        for (int n = pcm.read(buffer, 0, buffer.length); n >= 0; n = pcm.read(buffer, filled, buffer.length - filled)) {
            filled += n;
            int frames = filled / frameBytes;
            for (int f = 0; f < frames; f++) {
                out.accept(averageOfChannels(buffer, f * frameBytes, channels));
            }
            int leftover = filled - frames * frameBytes;
            System.arraycopy(buffer, frames * frameBytes, buffer, 0, leftover);
            filled = leftover;
        }
    }

    private static float averageOfChannels(byte[] frame, int offset, int channels) {
        float sum = 0;
        for (int c = 0; c < channels; c++) {
            int at = offset + c * BYTES_PER_SAMPLE;
            sum += (short) ((frame[at] & 0xff) | (frame[at + 1] << 8)) / 32768f;
        }
        return sum / channels;
    }

    /** Linear interpolation to 16 kHz, one source sample at a time. */
    private static final class Resampler {

        private final double step;
        private final Chunker out;
        private long index;
        private double next;
        private float previous;

        Resampler(float fromRate, Chunker out) {
            this.step = fromRate / SAMPLE_RATE;
            this.out = out;
        }

        void accept(float sample) {
            while (next <= index) {
                out.accept(index == 0 ? sample : previous + (sample - previous) * (float) (next - (index - 1)));
                next += step;
            }
            previous = sample;
            index++;
        }
    }

    /** Hands samples on in arrays of the chunk size; the last may be shorter. */
    private static final class Chunker {

        private final float[] chunk;
        private final Consumer<float[]> chunks;
        private int count;

        Chunker(int chunkSamples, Consumer<float[]> chunks) {
            this.chunk = new float[chunkSamples];
            this.chunks = chunks;
        }

        void accept(float sample) {
            chunk[count++] = sample;
            if (count == chunk.length) {
                flush();
            }
        }

        void flush() {
            if (count > 0) {
                chunks.accept(Arrays.copyOf(chunk, count));
                count = 0;
            }
        }
    }
}
