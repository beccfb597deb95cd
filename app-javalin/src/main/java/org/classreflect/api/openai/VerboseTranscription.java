package org.classreflect.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.export.Timestamps;

/**
 * OpenAI's {@code verbose_json} answer. Fields our engines do not produce get the values OpenAI uses for "nothing to
 * report": no tokens, temperature 0, no-speech probability 0; the mean log probability is the log of the segment's
 * confidence when the engine gave one (else 0), and the compression ratio is computed from the text as Whisper does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VerboseTranscription(String task, String language, double duration, String text,
                            List<SegmentView> segments, List<WordView> words) {

    record SegmentView(int id, int seek, double start, double end, String text, List<Integer> tokens,
                       double temperature, @JsonProperty("avg_logprob") double avgLogprob,
                       @JsonProperty("compression_ratio") double compressionRatio,
                       @JsonProperty("no_speech_prob") double noSpeechProb) {
    }

    record WordView(String word, double start, double end) {
    }

    static VerboseTranscription of(Transcript t, String requestedLanguage, boolean withSegments, boolean withWords) {
        List<SegmentView> segments = null;
        if (withSegments) {
            segments = new ArrayList<>();
            for (Segment s : t.segments()) {
                segments.add(new SegmentView(segments.size(), 0, seconds(s.start()), seconds(s.end()), s.text(),
                        List.of(), 0.0, s.confidence() == null ? 0.0 : Math.log(s.confidence()),
                        compressionRatio(s.text()), 0.0));
            }
        }
        List<WordView> words = withWords ? t.words().stream()
                .map(w -> new WordView(w.text().strip(), seconds(w.start()), seconds(w.end()))).toList() : null;
        String code = t.language() != null ? t.language() : requestedLanguage;
        return new VerboseTranscription("transcribe", languageName(code), seconds(t.audioSeconds()), t.text(),
                segments, words);
    }

    /** OpenAI names the language in English words ("english"), not by its code. */
    static String languageName(String code) {
        if (code == null || code.isBlank()) {
            return "unknown";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name.toLowerCase(Locale.ROOT);
    }

    private static double seconds(double value) {
        return Timestamps.millis(value) / 1000.0;
    }

    private static double compressionRatio(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return 0.0;
        }
        Deflater deflater = new Deflater();
        deflater.setInput(bytes);
        deflater.finish();
        byte[] buffer = new byte[bytes.length + 64];
        int compressed = deflater.deflate(buffer);
        deflater.end();
        return (double) bytes.length / compressed;
    }
}
