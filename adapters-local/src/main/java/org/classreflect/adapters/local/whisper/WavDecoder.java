package org.classreflect.adapters.local.whisper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.classreflect.core.transcript.TranscriptionException;

/**
 * Reads a WAV file as the 16 kHz mono float samples Whisper expects: channels are averaged, and other sample rates
 * are resampled by linear interpolation (no anti-aliasing filter; good enough for speech until FFmpeg decodes).
 */
final class WavDecoder {

    static final int SAMPLE_RATE = 16_000;
    private static final int BYTES_PER_SAMPLE = 2;

    private WavDecoder() {
    }

    static float[] decode(Path file) throws TranscriptionException {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat in = source.getFormat();
            AudioFormat pcm16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, in.getSampleRate(), 16,
                    in.getChannels(), in.getChannels() * BYTES_PER_SAMPLE, in.getSampleRate(), false);
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(pcm16, source)) {
                float[] mono = readMono(pcm, in.getChannels());
                return resample(mono, in.getSampleRate());
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new TranscriptionException("the audio is not a WAV file this version can read (" + e.getMessage()
                    + "); convert it to 16-bit PCM WAV", e);
        } catch (IOException e) {
            throw new TranscriptionException("could not read the audio file: " + e.getMessage(), e);
        }
    }

    private static float[] readMono(AudioInputStream pcm, int channels) throws IOException {
        int frameBytes = channels * BYTES_PER_SAMPLE;
        byte[] buffer = new byte[frameBytes * 8192];
        float[] samples = new float[SAMPLE_RATE * 60];
        int count = 0;
        int filled = 0;
        for (int n = pcm.read(buffer, 0, buffer.length); n >= 0; n = pcm.read(buffer, filled, buffer.length - filled)) {
            filled += n;
            int frames = filled / frameBytes;
            if (count + frames > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(samples.length * 2, count + frames));
            }
            for (int f = 0; f < frames; f++) {
                samples[count++] = averageOfChannels(buffer, f * frameBytes, channels);
            }
            int leftover = filled - frames * frameBytes;
            System.arraycopy(buffer, frames * frameBytes, buffer, 0, leftover);
            filled = leftover;
        }
        return Arrays.copyOf(samples, count);
    }

    private static float averageOfChannels(byte[] frame, int offset, int channels) {
        float sum = 0;
        for (int c = 0; c < channels; c++) {
            int at = offset + c * BYTES_PER_SAMPLE;
            sum += (short) ((frame[at] & 0xff) | (frame[at + 1] << 8)) / 32768f;
        }
        return sum / channels;
    }

    private static float[] resample(float[] samples, float fromRate) {
        if (fromRate == SAMPLE_RATE || samples.length == 0) {
            return samples;
        }
        double step = fromRate / SAMPLE_RATE;
        int length = (int) Math.round(samples.length / step);
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            double position = i * step;
            int before = Math.min((int) position, samples.length - 1);
            int after = Math.min(before + 1, samples.length - 1);
            float fraction = (float) (position - before);
            out[i] = samples[before] + (samples[after] - samples[before]) * fraction;
        }
        return out;
    }
}
