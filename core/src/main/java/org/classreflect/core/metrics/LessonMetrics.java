package org.classreflect.core.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything measured in one lesson: each metric with its evidence, the questions, and the rate per window. */
public record LessonMetrics(List<Utterance> utterances, SpeakerEstimate speakers, List<AskedQuestion> questions,
                            List<WindowRate> speakingRateByWindow, Map<Metric, Measurement> measurements) {

    public LessonMetrics {
        utterances = List.copyOf(utterances);
        questions = List.copyOf(questions);
        speakingRateByWindow = List.copyOf(speakingRateByWindow);
        measurements = Collections.unmodifiableMap(new EnumMap<>(measurements));
    }

    public Measurement get(Metric metric) {
        return measurements.get(metric);
    }

    /** The metric's value, or null when the lesson gave nothing to measure. */
    public Double value(Metric metric) {
        return measurements.get(metric).value();
    }
}
