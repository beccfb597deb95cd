package org.classreflect.core.transcript;

import java.util.List;
import java.util.Objects;

/** What a transcriber returns for one audio file: the engine's output before it becomes a stored transcript. */
public record Transcription(String language, String engine, String modelId, List<Segment> segments,
                            List<Word> words, double audioSeconds) {

    public Transcription {
        Objects.requireNonNull(engine, "engine");
        segments = List.copyOf(segments);
        words = List.copyOf(words);
    }
}
