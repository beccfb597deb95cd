package org.classreflect.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class LessonMeasurerPropertiesTest {

    private static final List<String> LINES = List.of(
            "Good morning everyone.", "What do you think happens next?", "Is it bigger?", "Um, well done.",
            "yes", "why do leaves fall", "Does that make sense?", "We call that evaporation, you know.",
            "can anyone explain the pattern", "No.", "Excellent thinking. How many are left?");

    private final LessonMeasurer measurer = new LessonMeasurer();

    /** A piece of a lesson: the silence before it and its length (ms), what is said, whether the teacher says it. */
    private record Piece(int gapMs, int lengthMs, int line, boolean teacher) {
    }

    private static Gen<Piece> pieces() {
        return integers().between(0, 6_000).zip(integers().between(0, 20_000),
                        integers().between(0, LINES.size() - 1), booleans().all(), Piece::new);
    }

    @Test
    void shiftingEveryTimeChangesNoMetricAndMovesTheEvidenceAlong() {
        qt().withExamples(300).forAll(lists().of(pieces()).ofSizeBetween(0, 30), integers().between(0, 10_000_000),
                        doubles().between(0, 1))
                .checkAssert((lesson, shiftMs, confidence) -> {
                    LessonMetrics original = measurer.measure(utterances(lesson, 0), speakers(lesson, confidence));
                    LessonMetrics shifted = measurer.measure(utterances(lesson, shiftMs),
                            speakers(lesson, confidence));
                    double shift = shiftMs / 1000.0;
                    List<String> differences = new ArrayList<>();
                    for (Metric metric : Metric.values()) {
                        Measurement a = original.get(metric);
                        Measurement b = shifted.get(metric);
                        if (!close(a.value(), b.value())) {
                            differences.add(metric + ": " + a.value() + " became " + b.value());
                        }
                        if (a.evidence().size() != b.evidence().size()) {
                            differences.add(metric + ": evidence " + a.evidence() + " became " + b.evidence());
                            continue;
                        }
                        for (int i = 0; i < a.evidence().size(); i++) {
                            Excerpt before = a.evidence().get(i);
                            Excerpt after = b.evidence().get(i);
                            if (!close(before.start() + shift, after.start())
                                    || !close(before.end() + shift, after.end())
                                    || !before.text().equals(after.text())) {
                                differences.add(metric + ": " + before + " became " + after);
                            }
                        }
                    }
                    List<WindowRate> windows = original.speakingRateByWindow();
                    List<WindowRate> shiftedWindows = shifted.speakingRateByWindow();
                    if (windows.size() != shiftedWindows.size()) {
                        differences.add("windows " + windows + " became " + shiftedWindows);
                    } else {
                        for (int i = 0; i < windows.size(); i++) {
                            if (!close(windows.get(i).wordsPerMinute(), shiftedWindows.get(i).wordsPerMinute())) {
                                differences.add("window " + windows.get(i) + " became " + shiftedWindows.get(i));
                            }
                        }
                    }
                    assertThat(differences).isEmpty();
                });
    }

    private static boolean close(Double a, Double b) {
        return a == null ? b == null : b != null && Math.abs(a - b) < 1e-6;
    }

    private static List<Utterance> utterances(List<Piece> lesson, int shiftMs) {
        List<Utterance> result = new ArrayList<>();
        long at = shiftMs;
        for (Piece p : lesson) {
            at += p.gapMs();
            result.add(new Utterance(at / 1000.0, (at + p.lengthMs()) / 1000.0, LINES.get(p.line())));
            at += p.lengthMs();
        }
        return result;
    }

    private static SpeakerEstimate speakers(List<Piece> lesson, double confidence) {
        return new SpeakerEstimate(lesson.stream().map(p -> p.teacher() ? Speaker.TEACHER : Speaker.STUDENT)
                .toList(), confidence, "generated");
    }
}
