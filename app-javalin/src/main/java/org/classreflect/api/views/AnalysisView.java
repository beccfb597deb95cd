package org.classreflect.api.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.CriterionScore;
import org.classreflect.core.analysis.Verdict;
import org.classreflect.core.metrics.Measurement;
import org.classreflect.core.metrics.TranscriptQuality;
import org.classreflect.core.rubric.CriterionFeedback;
import org.classreflect.core.rubric.RubricResult;

/**
 * An analysis as JSON. With {@code scoresHidden} (a teacher of a school that hides scores) no score leaves the
 * server: criterion scores, the overall score and the model's scores are left out, not blanked; each criterion
 * keeps its verdict in words ({@link Verdict}, against the school's goal) and whether it was scored at all. An
 * analysis just requested has no scores yet and is sent without a goal ({@code scoreGoal} null).
 */
public final class AnalysisView {

    private AnalysisView() {
    }

    public static Map<String, Object> requested(Analysis a) {
        return of(a, false, null);
    }

    public static Map<String, Object> of(Analysis a, boolean scoresHidden, Integer scoreGoal) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", a.id());
        v.put("recordingId", a.recordingId());
        v.put("teacherId", a.teacherId());
        v.put("templateId", a.templateId());
        v.put("templateVersion", a.templateVersion());
        v.put("status", a.status().wireName());
        v.put("error", a.error());
        v.put("lessonAt", a.lessonAt());
        v.put("createdAt", a.createdAt());
        v.put("startedAt", a.startedAt());
        v.put("finishedAt", a.finishedAt());
        v.put("metrics", a.metrics() == null ? null : metrics(a.metrics()));
        v.put("speakingRateByWindow", a.speakingRateByWindow());
        v.put("criteria", a.criterionScores() == null ? null
                : a.criterionScores().stream().map(s -> criterion(s, scoresHidden, scoreGoal)).toList());
        if (!scoresHidden) {
            v.put("overallScore", a.overallScore());
            v.put("scoreGoal", scoreGoal);
        }
        v.put("rubric", a.rubric() == null ? null : rubric(a.rubric(), scoresHidden));
        v.put("quality", a.quality() == null ? null : quality(a.quality()));
        return v;
    }

    private static Map<String, Object> quality(TranscriptQuality q) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("engine", q.engine());
        v.put("model", q.model());
        v.put("meanWordConfidence", q.meanWordConfidence());
        v.put("lowConfidenceWordShare", q.lowConfidenceWordShare());
        v.put("speakerConfidence", q.speakerConfidence());
        v.put("lowConfidence", q.lowConfidence());
        v.put("lowConfidenceReason", q.lowConfidenceReason());
        return v;
    }

    public static List<Map<String, Object>> metrics(Map<?, Measurement> measurements) {
        List<Map<String, Object>> out = new ArrayList<>();
        measurements.values().stream().sorted((x, y) -> x.metric().compareTo(y.metric())).forEach(m -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("metric", m.metric().name());
            v.put("unit", m.metric().unit());
            v.put("value", m.value());
            v.put("basis", m.basis().name());
            v.put("confidence", m.confidence());
            v.put("restsOn", m.restsOn());
            v.put("note", m.note());
            v.put("evidence", m.evidence());
            out.add(v);
        });
        return out;
    }

    private static Map<String, Object> criterion(CriterionScore s, boolean scoresHidden, int scoreGoal) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("criterion", s.criterion());
        v.put("assessed", s.score() != null);
        Verdict verdict = Verdict.of(s.score(), scoreGoal);
        v.put("verdict", verdict == null ? null : verdict.wireName());
        if (!scoresHidden) {
            // the value and weight are left out too: with the template's curve they would give the score back
            v.put("weight", s.weight());
            v.put("measuredValue", s.measuredValue());
            v.put("measuredScore", s.measuredScore());
            v.put("judgedScore", s.judgedScore());
            v.put("score", s.score());
        }
        v.put("evidence", s.evidence());
        return v;
    }

    private static Map<String, Object> rubric(RubricResult r, boolean scoresHidden) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("criteria", r.criteria().stream().map(c -> feedback(c, scoresHidden)).toList());
        v.put("strengths", r.strengths());
        v.put("improvements", r.improvements());
        return v;
    }

    private static Map<String, Object> feedback(CriterionFeedback f, boolean scoresHidden) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("criterion", f.criterion());
        if (!scoresHidden) {
            v.put("score", f.score());
        }
        v.put("feedback", f.feedback());
        v.put("evidence", f.evidence());
        v.put("nextStep", f.nextStep());
        return v;
    }
}
