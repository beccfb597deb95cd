package org.classreflect.core.transcript.export;

import java.util.stream.Collectors;
import org.classreflect.core.transcript.Transcript;

/** One line per segment, in time order: readable, and easy to paste into a document. */
final class PlainText {

    private PlainText() {
    }

    static String write(Transcript transcript) {
        return Cues.of(transcript).stream().map(s -> s.text() + "\n").collect(Collectors.joining());
    }
}
