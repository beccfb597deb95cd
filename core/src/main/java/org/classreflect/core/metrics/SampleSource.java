package org.classreflect.core.metrics;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * A lesson's audio as 16 kHz mono float samples in [-1, 1], handed over in order in chunks, so an estimator never
 * needs the whole lesson in memory. An {@code AudioDecoder}
 * serves as one: {@code c -> decoder.decode(file, n, c)}, with its UndecodableAudioException wrapped.
 */
@FunctionalInterface
public interface SampleSource {

    int SAMPLE_RATE = 16_000;

    void stream(Consumer<float[]> chunks) throws IOException;
}
