package org.classreflect.core.transcript;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The stored, timestamped text of one recording. At most one per recording. */
public record Transcript(
        String recordingId,
        String text,
        String language,
        String engine,
        String modelId,
        List<Segment> segments,
        List<Word> words,
        int wordCount,
        Double meanConfidence,
        double processingSeconds,
        double audioSeconds,
        Instant createdAt) {

    public Transcript {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(createdAt, "createdAt");
        segments = List.copyOf(segments);
        words = List.copyOf(words);
    }

    /** Derives the text, word count and mean confidence from what the engine returned. */
    public static Transcript of(String recordingId, Transcription t, double processingSeconds, Instant now) {
        String text = t.segments().stream().map(s -> s.text().trim()).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        int wordCount = t.words().isEmpty() ? countWords(text) : t.words().size();
        return new Transcript(recordingId, text, t.language(), t.engine(), t.modelId(), t.segments(), t.words(),
                wordCount, meanConfidence(t), processingSeconds, t.audioSeconds(), now);
    }

    private static int countWords(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    private static Double meanConfidence(Transcription t) {
        List<Double> values = (t.words().isEmpty()
                ? t.segments().stream().map(Segment::confidence)
                : t.words().stream().map(Word::confidence))
                .filter(Objects::nonNull).toList();
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
