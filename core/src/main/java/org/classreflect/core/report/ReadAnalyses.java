package org.classreflect.core.report;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.analysis.CriterionScore;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.metrics.Metric;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.ScoreVisibility;
import org.classreflect.core.school.ScoreVisibility.Seen;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;

/**
 * What analyses say, to those who may see it: teachers their own lessons, managers their school's. When a school
 * hides numeric scores from teachers, what a teacher gets is marked {@code scoresHidden} and progress leaves the
 * criterion scores out; the API then sends no score at all.
 */
public final class ReadAnalyses {

    private final Analyses analyses;
    private final Recordings recordings;
    private final Users users;
    private final ScoreVisibility scores;
    private final AccessPolicy policy;

    @Inject
    public ReadAnalyses(Analyses analyses, Recordings recordings, Users users, ScoreVisibility scores,
                        AccessPolicy policy) {
        this.analyses = analyses;
        this.recordings = recordings;
        this.users = users;
        this.scores = scores;
        this.policy = policy;
    }

    public Result<Seen<List<Analysis>>> forRecording(Actor actor, String recordingId) {
        return recording(actor, recordingId).map(r -> new Seen<>(analyses.listForRecording(recordingId),
                scores.hiddenFrom(actor, r.schoolId()), scores.goalOf(r.schoolId())));
    }

    /** The measured metrics of the recording's newest completed analysis (metrics are not scores). */
    public Result<Analysis> metrics(Actor actor, String recordingId) {
        return recording(actor, recordingId).flatMap(r -> analyses.listForRecording(recordingId).stream()
                .filter(a -> a.status() == AnalysisStatus.COMPLETED)
                .max(Comparator.comparing(Analysis::finishedAt))
                .<Result<Analysis>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("completed analysis"))));
    }

    public Result<Progress> progress(Actor actor, String teacherId) {
        User teacher = users.find(teacherId).filter(u -> policy.canSeeUser(actor, u)).orElse(null);
        if (teacher == null) {
            return Result.rejected(Rejection.notFound("teacher"));
        }
        List<Analysis> done = analyses.listCompletedForTeacher(teacherId);
        Map<String, List<Progress.Point>> criteria = new TreeMap<>();
        Map<Metric, List<Progress.Point>> metrics = new EnumMap<>(Metric.class);
        for (Analysis a : done) {
            for (CriterionScore s : a.criterionScores()) {
                if (s.score() != null) {
                    criteria.computeIfAbsent(s.criterion(), k -> new ArrayList<>())
                            .add(new Progress.Point(a.lessonAt(), s.score(), a.id()));
                }
            }
            a.metrics().forEach((metric, m) -> {
                if (m.value() != null) {
                    metrics.computeIfAbsent(metric, k -> new ArrayList<>())
                            .add(new Progress.Point(a.lessonAt(), m.value(), a.id()));
                }
            });
        }
        boolean hidden = scores.hiddenFrom(actor, teacher.schoolId());
        List<Progress.Series> criterionSeries = hidden ? List.of()
                : criteria.entrySet().stream().map(e -> Progress.Series.of(e.getKey(), e.getValue())).toList();
        List<Progress.Series> metricSeries = metrics.entrySet().stream()
                .map(e -> Progress.Series.of(e.getKey().name(), e.getValue())).toList();
        return Result.ok(new Progress(teacherId, done.size(), criterionSeries, metricSeries,
                hidden ? null : (double) scores.goalOf(teacher.schoolId())));
    }

    public Result<SchoolSummary> summary(Actor actor, String schoolId) {
        if (!policy.canManageSchool(actor, schoolId)) {
            return Result.rejected(policy.canSeeSchool(actor, schoolId)
                    ? Rejection.forbidden("only the school's managers see its summary") : Rejection.notFound("school"));
        }
        List<Analysis> done = analyses.listCompletedForSchool(schoolId);
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (int band = 0; band < 100; band += 20) {
            distribution.put(band + "-" + (band + 20), 0);
        }
        Map<String, Integer> templateUse = new TreeMap<>();
        Map<Metric, double[]> metricSums = new EnumMap<>(Metric.class);
        double overallSum = 0;
        int overallCount = 0;
        for (Analysis a : done) {
            templateUse.merge(a.templateId(), 1, Integer::sum);
            if (a.overallScore() != null) {
                overallSum += a.overallScore();
                overallCount++;
                int band = Math.min(80, (int) (a.overallScore() / 20) * 20);
                distribution.merge(band + "-" + (band + 20), 1, Integer::sum);
            }
            a.metrics().forEach((metric, m) -> {
                if (m.value() != null) {
                    double[] s = metricSums.computeIfAbsent(metric, k -> new double[2]);
                    s[0] += m.value();
                    s[1]++;
                }
            });
        }
        Map<Metric, Double> metricAverages = new EnumMap<>(Metric.class);
        metricSums.forEach((metric, s) -> metricAverages.put(metric, s[0] / s[1]));
        return Result.ok(new SchoolSummary(schoolId, done.size(), overallCount == 0 ? null : overallSum / overallCount,
                distribution, metricAverages, templateUse));
    }

    private Result<Recording> recording(Actor actor, String recordingId) {
        return recordings.find(recordingId).filter(r -> policy.canSeeRecording(actor, r.schoolId(), r.teacherId()))
                .<Result<Recording>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("recording")));
    }
}
