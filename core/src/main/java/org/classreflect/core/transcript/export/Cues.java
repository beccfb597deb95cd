package org.classreflect.core.transcript.export;

import java.util.Comparator;
import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;

/** The segments worth showing, in time order, each as one line of text. */
final class Cues {

    private Cues() {
    }

    static List<Segment> of(Transcript transcript) {
        return transcript.segments().stream()
                .map(s -> new Segment(s.start(), s.end(), oneLine(s.text()), s.confidence()))
                .filter(s -> !s.text().isEmpty())
                .sorted(Comparator.comparingDouble(Segment::start))
                .toList();
    }

    /** Line breaks inside a cue would end it early in SRT and VTT, so all whitespace becomes single spaces. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
