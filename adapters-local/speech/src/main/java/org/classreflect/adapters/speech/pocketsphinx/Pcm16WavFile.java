package org.classreflect.adapters.speech.pocketsphinx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.Pcm16Wav;
import org.classreflect.core.audio.UndecodableAudioException;

/** Decodes any decodable audio into the 16 kHz mono 16-bit PCM WAV that pocketsphinx reads, one chunk at a time. */
final class Pcm16WavFile {

    private static final int CHUNK_SAMPLES = AudioDecoder.SAMPLE_RATE * 10;

    private Pcm16WavFile() {
    }

    /** Also hands each decoded chunk to {@code decoded}; returns the length of the written audio in seconds. */
    static double write(AudioDecoder decoder, Path source, Path target, Consumer<float[]> decoded)
            throws IOException, UndecodableAudioException {
        try (Pcm16Wav.Writer wav = Pcm16Wav.create(target)) {
            decoder.decode(source, CHUNK_SAMPLES, chunk -> {
                decoded.accept(chunk);
                try {
                    wav.write(chunk);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            wav.finish();
            return wav.samples() / (double) AudioDecoder.SAMPLE_RATE;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
