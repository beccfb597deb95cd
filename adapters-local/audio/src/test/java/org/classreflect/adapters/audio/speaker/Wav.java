package org.classreflect.adapters.audio.speaker;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.classreflect.core.metrics.SampleSource;

/** The shared clips (16-bit PCM, mono, 16 kHz) as a sample source, read in chunks with javax.sound.sampled. */
final class Wav {

    static final Path AUDIO = Path.of(System.getProperty("classreflect.shared", "../../shared"), "audio");

    private Wav() {
    }

    static SampleSource source(String name) {
        Path file = AUDIO.resolve(name);
        return chunks -> {
            try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
                AudioFormat f = in.getFormat();
                if (f.getChannels() != 1 || f.getSampleRate() != SampleSource.SAMPLE_RATE
                        || f.getSampleSizeInBits() != 16 || f.isBigEndian()) {
                    throw new IOException(name + " is not 16-bit little-endian mono 16 kHz: " + f);
                }
                byte[] bytes = new byte[2 * 4096];
                for (int n = in.readNBytes(bytes, 0, bytes.length); n > 0; n = in.readNBytes(bytes, 0, bytes.length)) {
                    float[] chunk = new float[n / 2];
                    for (int i = 0; i < chunk.length; i++) {
                        chunk[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768f;
                    }
                    chunks.accept(chunk);
                }
            } catch (UnsupportedAudioFileException e) {
                throw new IOException(e);
            }
        };
    }
}
