package edu.example.minimal;

import java.io.IOException;
import java.nio.file.Path;
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
 * A host's own audio decoder with nothing but javax.sound: 16 kHz mono PCM WAV is passed through, anything else
 * javax.sound cannot convert to it is refused. Enough for a system whose recorders already write 16 kHz WAV.
 */
final class JavaSoundWavDecoder implements AudioDecoder {

    private static final AudioFormat TARGET = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);

    @Override
    public AudioInfo probe(Path file) throws IOException, UndecodableAudioException {
        try {
            AudioFileFormat container = AudioSystem.getAudioFileFormat(file.toFile());
            AudioFormat format = container.getFormat();
            double seconds = Math.max(0, container.getFrameLength()) / format.getFrameRate();
            return new AudioInfo("wav", seconds, Math.round(format.getSampleRate()), format.getChannels());
        } catch (UnsupportedAudioFileException e) {
            throw new UndecodableAudioException("not a WAV file: " + e.getMessage(), e);
        }
    }

    @Override
    public void decode(Path file, int chunkSamples, Consumer<float[]> chunks)
            throws IOException, UndecodableAudioException {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(file.toFile());
             AudioInputStream pcm = AudioSystem.getAudioInputStream(TARGET, source)) {
            byte[] buffer = new byte[chunkSamples * 2];
            int filled;
            while ((filled = pcm.readNBytes(buffer, 0, buffer.length)) > 0) {
                float[] samples = new float[filled / 2];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (short) ((buffer[2 * i] & 0xff) | (buffer[2 * i + 1] << 8)) / 32768f;
                }
                chunks.accept(samples);
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new UndecodableAudioException("cannot read this WAV as 16 kHz mono PCM: " + e.getMessage(), e);
        }
    }
}
