package org.classreflect.core.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Port: turns whatever a phone or laptop recorded into the 16 kHz mono float samples speech engines take. */
public interface AudioDecoder {

    int SAMPLE_RATE = 16_000;

    /** Reads the container's facts without decoding all of it. */
    AudioInfo probe(Path file) throws IOException, UndecodableAudioException;

    /**
     * Decodes the whole file as 16 kHz mono samples in [-1, 1], handed over in order in chunks of at most
     * {@code chunkSamples}, so memory stays bounded by the chunk and not by the length of the lesson.
     */
    void decode(Path file, int chunkSamples, Consumer<float[]> chunks) throws IOException, UndecodableAudioException;
}
