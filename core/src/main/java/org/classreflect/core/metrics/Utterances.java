package org.classreflect.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.classreflect.core.transcript.Transcript;

/**
 * Cuts a transcript into utterances: runs of words (or of segments, when the engine gave no word times) separated
 * by less than {@link #PAUSE_SECONDS} of silence. Engines cut segments by length, not by turn, so segments alone
 * are not utterances; a pause is the one cue every engine's times carry.
 */
public final class Utterances {

    /** A gap this long or longer ends an utterance: about the shortest pause listeners hear as a turn boundary. */
    public static final double PAUSE_SECONDS = 0.5;

    private Utterances() {
    }

    public static List<Utterance> of(Transcript transcript) {
        List<Utterance> pieces = transcript.words().isEmpty()
                ? transcript.segments().stream().map(s -> new Utterance(s.start(), s.end(), s.text())).toList()
                : transcript.words().stream().map(w -> new Utterance(w.start(), w.end(), w.text())).toList();
        return join(pieces);
    }

    /** Joins time-ordered pieces of speech whose gap is shorter than the pause threshold; drops empty pieces. */
    public static List<Utterance> join(List<Utterance> pieces) {
        List<Utterance> sorted = pieces.stream().filter(p -> !p.text().isBlank())
                .sorted(Comparator.comparingDouble(Utterance::start)).toList();
        List<Utterance> result = new ArrayList<>();
        Utterance current = null;
        for (Utterance piece : sorted) {
            if (current != null && piece.start() - current.end() < PAUSE_SECONDS - Text.EPSILON) {
                current = new Utterance(current.start(), Math.max(current.end(), piece.end()),
                        current.text().strip() + " " + piece.text().strip());
            } else {
                if (current != null) {
                    result.add(current);
                }
                current = new Utterance(piece.start(), piece.end(), piece.text().strip());
            }
        }
        if (current != null) {
            result.add(current);
        }
        return List.copyOf(result);
    }
}
