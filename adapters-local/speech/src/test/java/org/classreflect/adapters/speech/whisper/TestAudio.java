package org.classreflect.adapters.speech.whisper;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Audio files for the Whisper tests. */
final class TestAudio {

    static final Path SHARED = Path.of(System.getProperty("classreflect.shared", "../../shared"));
    static final Path STUB_MODEL = SHARED.resolve("models/stub/for-tests-ggml-tiny.en.bin");
    static final Path JFK = SHARED.resolve("audio/jfk.wav");

    private TestAudio() {
    }

    /** A 440 Hz tone as 16-bit PCM WAV, the same on every channel. */
    static Path sineWav(Path file, float rate, int channels, double seconds) throws Exception {
        int frames = (int) (rate * seconds);
        byte[] pcm = new byte[frames * channels * 2];
        for (int f = 0; f < frames; f++) {
            short value = (short) (8000 * Math.sin(2 * Math.PI * 440 * f / rate));
            for (int c = 0; c < channels; c++) {
                int at = (f * channels + c) * 2;
                pcm[at] = (byte) value;
                pcm[at + 1] = (byte) (value >> 8);
            }
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, new File(file.toString()));
        }
        return file;
    }
}
