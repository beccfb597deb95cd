package org.classreflect.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;

/**
 * Speakers named in the transcript itself (an imported one), which win over any estimate from the audio. Labels are
 * free text. A segment labelled {@code teacher} (in any case) is the teacher's and every other label is a student's;
 * when no segment says {@code teacher}, the label of the earliest segment is the teacher's and every other label a
 * student's. Labels count only when every segment with text has one.
 */
public final class SuppliedSpeakers {

    /** The utterances cut at every change of speaker (and at pauses), with their speakers, fully trusted. */
    public record Labelled(List<Utterance> utterances, SpeakerEstimate estimate) {
    }

    public static final String METHOD = "supplied";

    private SuppliedSpeakers() {
    }

    public static Optional<Labelled> of(Transcript transcript) {
        List<Segment> segments = transcript.segments().stream().filter(s -> !s.text().isBlank())
                .sorted(Comparator.comparingDouble(Segment::start)).toList();
        if (segments.isEmpty() || segments.stream().anyMatch(s -> s.speaker() == null)) {
            return Optional.empty();
        }
        String teacher = segments.stream().map(Segment::speaker)
                .filter(label -> label.toLowerCase(Locale.ROOT).equals("teacher")).findFirst()
                .orElse(segments.get(0).speaker());
        List<Utterance> utterances = new ArrayList<>();
        List<Speaker> speakers = new ArrayList<>();
        for (Segment s : segments) {
            Speaker speaker = s.speaker().equalsIgnoreCase(teacher) ? Speaker.TEACHER : Speaker.STUDENT;
            int last = utterances.size() - 1;
            if (last >= 0 && speakers.get(last) == speaker
                    && s.start() - utterances.get(last).end() < Utterances.PAUSE_SECONDS - Text.EPSILON) {
                utterances.set(last, utterances.get(last).followedBy(utterance(s)));
            } else {
                utterances.add(utterance(s));
                speakers.add(speaker);
            }
        }
        return Optional.of(new Labelled(List.copyOf(utterances), new SpeakerEstimate(speakers, 1.0, METHOD)));
    }

    private static Utterance utterance(Segment s) {
        return new Utterance(s.start(), s.end(), s.text().strip(), Utterances.orNaN(s.confidence()));
    }
}
