package org.classreflect.core.transcript.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.transcript.Segment;

/**
 * One cue of a transcript someone supplied, as read and before it is checked: times in seconds, its text, and the
 * speaker's label if it named one (null otherwise).
 */
public record TimedText(double start, double end, String text, String speaker) {

    /** Closer than this (a millisecond, the precision of SRT and WebVTT) counts as touching, not overlapping. */
    static final double TOLERANCE = 0.0005;

    /**
     * The cues as segments in time order, or why they cannot be: none at all, a negative time, an end not after its
     * start, empty text, two cues that overlap, or labels on some cues but not all. Cues are numbered from 1 in the
     * order given.
     */
    public static Result<List<Segment>> check(List<TimedText> cues) {
        if (cues == null || cues.isEmpty()) {
            return invalid("the transcript has no cues");
        }
        record Numbered(int number, TimedText cue) {
        }
        List<Numbered> numbered = new ArrayList<>();
        int labelled = 0;
        for (int i = 0; i < cues.size(); i++) {
            TimedText cue = cues.get(i);
            String where = "cue " + (i + 1) + ": ";
            if (cue == null) {
                return invalid(where + "is empty");
            }
            if (!Double.isFinite(cue.start()) || !Double.isFinite(cue.end()) || cue.start() < 0 || cue.end() < 0) {
                return invalid(where + "times must be zero or more seconds");
            }
            if (cue.end() <= cue.start()) {
                return invalid(where + "must end after it starts");
            }
            if (cue.text() == null || cue.text().isBlank()) {
                return invalid(where + "has no text");
            }
            if (cue.speaker() != null && !cue.speaker().isBlank()) {
                labelled++;
            }
            numbered.add(new Numbered(i + 1, cue));
        }
        if (labelled != 0 && labelled != cues.size()) {
            return invalid("name the speaker of every cue or of none: " + labelled + " of " + cues.size()
                    + " cues have one");
        }
        numbered.sort(Comparator.comparingDouble((Numbered n) -> n.cue().start()).thenComparingInt(Numbered::number));
        List<Segment> segments = new ArrayList<>();
        Numbered previous = null;
        for (Numbered n : numbered) {
            if (previous != null && n.cue().start() < previous.cue().end() - TOLERANCE) {
                return invalid("cues " + previous.number() + " and " + n.number() + " overlap: one starts at "
                        + n.cue().start() + " s before the other ends at " + previous.cue().end() + " s");
            }
            TimedText cue = n.cue();
            segments.add(new Segment(cue.start(), cue.end(), cue.text().strip(), null, cue.speaker()));
            previous = n;
        }
        return Result.ok(List.copyOf(segments));
    }

    private static <T> Result<T> invalid(String message) {
        return Result.rejected(Rejection.invalid("the transcript is not usable: " + message));
    }
}
