package org.classreflect.adapters.speech.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.classreflect.core.metrics.LessonMetrics;
import org.classreflect.core.metrics.Speaker;
import org.classreflect.core.metrics.Utterance;

/**
 * The pitch rise at the end of the teacher's utterances of the given lessons (bare truth transcript, speakers
 * estimated), split by whether the utterance holds a question of the script and whether the detector found one: how
 * much the voice tells the questions the words miss from the statements (docs/analysis.md, pitch rule).
 */
final class EndRises {

    private static final double[] FROM = {-99, 0, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7};

    private record Rise(double semitones, boolean asked, boolean found, String text) {
    }

    private EndRises() {
    }

    static void print(LessonQualityHarness harness, List<String> lessons) throws Exception {
        List<Rise> rises = new ArrayList<>();
        for (String lesson : lessons) {
            LessonTruth truth = Lessons.generate(lesson);
            LessonMetrics metrics = harness.analyse(truth, LessonQualityHarness.utterances(lesson, truth,
                    LessonQualityHarness.Source.BARE));
            List<Utterance> utterances = metrics.utterances();
            for (int i = 0; i < utterances.size(); i++) {
                Utterance u = utterances.get(i);
                double rise = metrics.speakers().endRises().get(i);
                if (metrics.speakers().speakers().get(i) != Speaker.TEACHER || Double.isNaN(rise)) {
                    continue;
                }
                boolean asked = truth.turns().stream().anyMatch(t -> t.isTeacher() && t.question() != null
                        && LessonScore.overlap(u.start(), u.end(), t.start(), t.end()) > 0);
                boolean found = metrics.questions().stream().anyMatch(q -> q.utterance().start() == u.start()
                        && q.utterance().end() == u.end());
                rises.add(new Rise(rise, asked, found, u.text()));
                System.out.printf(Locale.ROOT, "%-24s %+6.2f %-9s %-6s %s%n", lesson, rise,
                        asked ? "question" : "statement", found ? "found" : "", u.text());
            }
        }
        System.out.printf("%-12s %18s %18s %12s%n", "rise from", "questions found", "questions missed",
                "statements");
        for (double from : FROM) {
            System.out.printf(Locale.ROOT, "%-12.1f %18d %18d %12d%n", from,
                    rises.stream().filter(r -> r.asked() && r.found() && r.semitones() >= from).count(),
                    rises.stream().filter(r -> r.asked() && !r.found() && r.semitones() >= from).count(),
                    rises.stream().filter(r -> !r.asked() && r.semitones() >= from).count());
        }
    }
}
