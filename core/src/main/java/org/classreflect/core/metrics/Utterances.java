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

    /**
     * The transcript's utterances with the engine's word confidences; when it gave segments only, each word takes
     * its segment's confidence.
     */
    public static List<Utterance> of(Transcript transcript) {
        List<Utterance> pieces = transcript.words().isEmpty()
                ? transcript.segments().stream()
                .map(s -> new Utterance(s.start(), s.end(), s.text(), orNaN(s.confidence()))).toList()
                : transcript.words().stream()
                .map(w -> new Utterance(w.start(), w.end(), w.text(), orNaN(w.confidence()))).toList();
        return join(pieces);
    }

    static double orNaN(Double confidence) {
        return confidence == null ? Double.NaN : confidence;
    }

    /** Joins time-ordered pieces of speech whose gap is shorter than the pause threshold; drops empty pieces. */
    public static List<Utterance> join(List<Utterance> pieces) {
        List<Utterance> sorted = pieces.stream().filter(p -> !p.text().isBlank())
                .sorted(Comparator.comparingDouble(Utterance::start)).toList();
        List<Utterance> result = new ArrayList<>();
        Utterance current = null;
        for (Utterance piece : sorted) {
            if (current != null && piece.start() - current.end() < PAUSE_SECONDS - Text.EPSILON) {
                current = current.followedBy(piece);
            } else {
                if (current != null) {
                    result.add(current);
                }
                current = new Utterance(piece.start(), piece.end(), piece.text().strip(), piece.wordConfidences());
            }
        }
        if (current != null) {
            result.add(current);
        }
        return List.copyOf(result);
    }
}
