package org.classreflect.core.transcript.export;

import java.util.List;
import java.util.function.Consumer;
import org.classreflect.core.common.JsonStrings;
import org.classreflect.core.transcript.Transcript;

/**
 * The transcript as a self-describing JSON document: its facts, the segments and the words, times in seconds to the
 * millisecond. Written by hand because the core may use nothing but the Java platform.
 */
final class JsonDocument {

    private final StringBuilder out = new StringBuilder("{");

    private JsonDocument() {
    }

    static String write(Transcript t) {
        JsonDocument json = new JsonDocument();
        json.member("recordingId").string(t.recordingId());
        json.next().member("language").string(t.language());
        json.next().member("engine").string(t.engine());
        json.next().member("model").string(t.modelId());
        json.next().member("audioSeconds").seconds(t.audioSeconds());
        json.next().member("text").string(t.text());
        json.next().array("segments", t.segments(), s -> json.item(s.start(), s.end(), "text", s.text(),
                s.confidence(), s.speaker()));
        json.next().array("words", t.words(), w -> json.item(w.start(), w.end(), "word", w.text(), w.confidence(),
                null));
        return json.out.append("\n}\n").toString();
    }

    private JsonDocument next() {
        out.append(',');
        return this;
    }

    private JsonDocument member(String name) {
        out.append("\n  ");
        string(name);
        out.append(": ");
        return this;
    }

    private <T> void array(String name, List<T> items, Consumer<T> item) {
        member(name).out.append('[');
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "\n    " : ",\n    ");
            item.accept(items.get(i));
        }
        out.append(items.isEmpty() ? "]" : "\n  ]");
    }

    /** One segment or word; a speaker label is written only when there is one. */
    private void item(double start, double end, String textName, String text, Double confidence, String speaker) {
        out.append("{\"start\": ");
        seconds(start);
        out.append(", \"end\": ");
        seconds(end);
        out.append(", ");
        string(textName);
        out.append(": ");
        string(text);
        String decimal = WordTable.decimal(confidence);
        out.append(", \"confidence\": ").append(decimal.isEmpty() ? "null" : decimal);
        if (speaker != null) {
            out.append(", \"speaker\": ");
            string(speaker);
        }
        out.append('}');
    }

    private void seconds(double value) {
        out.append(Timestamps.seconds(value));
    }

    /** A JSON string (or null). */
    private void string(String value) {
        out.append(value == null ? "null" : JsonStrings.quote(value));
    }
}
