package org.classreflect.adapters.speech.quality;

import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.metrics.AskedQuestion;
import org.classreflect.core.metrics.LessonMetrics;
import org.classreflect.core.metrics.Metric;
import org.classreflect.core.metrics.Speaker;

/**
 * How an analysis of one lesson compares with its truth. Utterances and truth turns are matched by time overlap, so
 * the same figures work on any transcript: the truth's own turns or an engine's words. Each question asked is found
 * at most once: a second detection of it (an engine cutting one question in two) counts as an invented question.
 */
record LessonScore(Double talkShareError, double speakerAccuracy, QuestionTally questions, double waitErrorSum,
                   double confidence, List<String> falsePositives, List<String> missed) {

    static LessonScore of(LessonTruth truth, LessonMetrics metrics) {
        Double share = metrics.value(Metric.TEACHER_TALK_SHARE);
        double right = 0;
        double heard = 0;
        for (AttributedSpeech speech : AttributedSpeech.of(metrics)) {
            for (LessonTruth.Turn t : truth.turns()) {
                double overlap = overlap(speech.start(), speech.end(), t.start(), t.end());
                heard += overlap;
                right += speech.teacher() == t.isTeacher() ? overlap : 0;
            }
        }
        List<AskedQuestion> teacherQuestions = metrics.questions().stream()
                .filter(q -> q.askedBy() == null || q.askedBy() == Speaker.TEACHER).toList();
        List<LessonTruth.Turn> askedTurns = truth.turns().stream()
                .filter(t -> t.isTeacher() && t.question() != null).toList();
        List<String> falsePositives = new ArrayList<>();
        List<LessonTruth.Turn> found = new ArrayList<>();
        int hits = 0;
        int kinds = 0;
        double waitErrors = 0;
        for (AskedQuestion q : teacherQuestions) {
            LessonTruth.Turn asked = askedTurns.stream()
                    .filter(t -> !found.contains(t))
                    .filter(t -> overlap(q.utterance().start(), q.utterance().end(), t.start(), t.end()) > 0)
                    .reduce((a, b) -> b).orElse(null);
            if (asked == null) {
                falsePositives.add(q.question());
                continue;
            }
            found.add(asked);
            hits++;
            kinds += q.kind() == asked.question() ? 1 : 0;
            int next = truth.turns().indexOf(asked) + 1;
            if (next < truth.turns().size() && q.waitSeconds() != null) {
                waitErrors += Math.abs(q.waitSeconds() - (truth.turns().get(next).start() - asked.end()));
            }
        }
        return new LessonScore(share == null ? null : share - truth.teacherShare(), heard == 0 ? 0 : right / heard,
                new QuestionTally(hits, teacherQuestions.size(), askedTurns.size(), kinds), waitErrors,
                metrics.speakers().confidence(), falsePositives,
                askedTurns.stream().filter(t -> !found.contains(t)).map(LessonTruth.Turn::text).toList());
    }

    static double overlap(double aStart, double aEnd, double bStart, double bEnd) {
        return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
    }

    double meanWaitError() {
        return questions.truePositives() == 0 ? 0 : waitErrorSum / questions.truePositives();
    }
}
