package org.classreflect.core.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** Port: turns whatever a phone or laptop recorded into the 16 kHz mono float samples speech engines take. */
public interface AudioDecoder {

    int SAMPLE_RATE = 16_000;

    /**
     * How long the sound really is, from decoding it.
     *
     * @param seconds        the decoded length; when {@code longerThanLimit}, how far decoding got before it stopped
     * @param longerThanLimit the sound goes on past the limit (decoding stopped there; the true length is unknown)
     */
    record Measurement(double seconds, boolean longerThanLimit) {
    }

    /**
     * Reads the container's facts without decoding all of it. The duration is what the headers claim (or guess from
     * the first frames' bitrate): fine for display, never for a limit, see {@link #measure}.
     */
    AudioInfo probe(Path file) throws IOException, UndecodableAudioException;

    /**
     * Decodes the whole file as 16 kHz mono samples in [-1, 1], handed over in order in chunks of at most
     * {@code chunkSamples}, so memory stays bounded by the chunk and not by the length of the lesson.
     */
    void decode(Path file, int chunkSamples, Consumer<float[]> chunks) throws IOException, UndecodableAudioException;

    /**
     * Counts the decoded samples, so a header that lies about the length (an mp3 whose first frames are dense and
     * the rest sparse, a WAV with a wrong data size) cannot pass for a short recording. Stops as soon as the count
     * passes {@code limit}, so an 80-hour file costs no more than decoding {@code limit} of it.
     */
    default Measurement measure(Path file, Duration limit) throws IOException, UndecodableAudioException {
        long limitSamples = limit.toMillis() * SAMPLE_RATE / 1000;
        long[] counted = {0};
        final class PastLimit extends RuntimeException {
            PastLimit() {
                super(null, null, false, false);
            }
        }
        try {
            decode(file, SAMPLE_RATE, chunk -> {
                counted[0] += chunk.length;
                if (counted[0] > limitSamples) {
                    throw new PastLimit();
                }
            });
        } catch (PastLimit past) {
            return new Measurement(counted[0] / (double) SAMPLE_RATE, true);
        }
        return new Measurement(counted[0] / (double) SAMPLE_RATE, false);
    }
}
