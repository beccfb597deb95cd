package org.classreflect.core.metrics;

import java.util.List;

/** Hand-built lessons with answers worked out on paper. */
public final class Lessons {

    static final Speaker T = Speaker.TEACHER;
    static final Speaker S = Speaker.STUDENT;

    /** 33.5 s: teacher, student, teacher, student, teacher; three teacher questions, one student question. */
    public static final List<Utterance> PLANTS = List.of(
            new Utterance(0.0, 10.0, "Good morning everyone. Today we learn about plants, um, and how they grow."),
            new Utterance(11.0, 14.0, "What do plants need to grow?"),
            new Utterance(18.0, 20.0, "Water and sunlight?"),
            new Utterance(20.5, 24.5, "Excellent, well done. Is sunlight a kind of energy?"),
            new Utterance(26.0, 27.0, "Yes."),
            new Utterance(27.5, 33.5, "Right. Does that make sense?"));

    public static final List<Speaker> PLANTS_SPEAKERS = List.of(T, T, S, T, S, T);

    private Lessons() {
    }

    public static SpeakerEstimate confident(List<Speaker> speakers) {
        return new SpeakerEstimate(speakers, 0.9, "hand-labelled");
    }

    public static SpeakerEstimate unsure(List<Speaker> speakers) {
        return new SpeakerEstimate(speakers, 0.2, "hand-labelled");
    }
}
