package org.classreflect.core.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.classreflect.core.metrics.LessonMetrics;
import org.classreflect.core.metrics.Measurement;
import org.classreflect.core.metrics.Metric;
import org.classreflect.core.metrics.TranscriptQuality;
import org.classreflect.core.metrics.WindowRate;
import org.classreflect.core.rubric.RubricResult;
import org.classreflect.core.template.Template;

/**
 * One analysis of a recording against one version of a template. The template's id and version are kept, so a later
 * edit of the template never changes what this analysis says. {@code lessonAt} is when the recording was made, the
 * time axis of a teacher's progress. Results, and the {@code quality} of the transcript they rest on, are null until
 * the analysis has completed. A run holds a running
 * analysis under a lease: {@code runId} names the run that holds (or last held) it, and {@code leaseUntil} is when
 * its hold ends unless renewed; once it has ended, another worker may take the analysis over.
 */
public record Analysis(String id, String recordingId, String schoolId, String teacherId, String templateId,
                       int templateVersion, AnalysisStatus status, String error, Map<Metric, Measurement> metrics,
                       List<WindowRate> speakingRateByWindow, List<CriterionScore> criterionScores,
                       Double overallScore, RubricResult rubric, TranscriptQuality quality, Instant lessonAt,
                       Instant createdAt, Instant startedAt, Instant finishedAt, String runId, Instant leaseUntil) {

    public Analysis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(status, "status");
        metrics = metrics == null ? null : Map.copyOf(metrics);
        speakingRateByWindow = speakingRateByWindow == null ? null : List.copyOf(speakingRateByWindow);
        criterionScores = criterionScores == null ? null : List.copyOf(criterionScores);
    }

    public static Analysis queued(String id, String recordingId, String schoolId, String teacherId,
                                  Template template, Instant lessonAt, Instant now) {
        return new Analysis(id, recordingId, schoolId, teacherId, template.id(), template.version(),
                AnalysisStatus.QUEUED, null, null, null, null, null, null, null, lessonAt, now, null, null, null, null);
    }

    /** Claimed by the run {@code runId} at {@code now}, held until {@code now + lease} unless renewed. */
    public Analysis running(String runId, Instant now, Duration lease) {
        return new Analysis(id, recordingId, schoolId, teacherId, templateId, templateVersion, AnalysisStatus.RUNNING,
                null, null, null, null, null, null, null, lessonAt, createdAt, now, null,
                Objects.requireNonNull(runId, "runId"), now.plus(lease));
    }

    /** Running, and the lease of the run holding it ended at or before {@code now}: its runner died or stalled. */
    public boolean leaseEnded(Instant now) {
        return status == AnalysisStatus.RUNNING && (leaseUntil == null || !leaseUntil.isAfter(now));
    }

    /** Queued, or running under a lease that ended: a run may claim it at {@code now}. */
    public boolean claimable(Instant now) {
        return status == AnalysisStatus.QUEUED || leaseEnded(now);
    }

    public Analysis completed(LessonMetrics measured, TranscriptQuality quality, Scorecard scorecard,
                              RubricResult feedback, Instant now) {
        return with(AnalysisStatus.COMPLETED, null, measured.measurements(), measured.speakingRateByWindow(),
                scorecard.criteria(), scorecard.overall(), feedback, quality, startedAt, now);
    }

    public Analysis failed(String reason, Instant now) {
        return with(AnalysisStatus.FAILED, reason, null, null, null, null, null, null, startedAt, now);
    }

    /**
     * Queued again after a failure, or after the worker running it died; its old results cleared. The last run's id
     * is kept, so that a running analysis is queued again only while that same run still holds it.
     */
    public Analysis retried() {
        return with(AnalysisStatus.QUEUED, null, null, null, null, null, null, null, null, null);
    }

    private Analysis with(AnalysisStatus s, String err, Map<Metric, Measurement> m, List<WindowRate> windows,
                          List<CriterionScore> scores, Double overall, RubricResult feedback,
                          TranscriptQuality q, Instant started, Instant finished) {
        return new Analysis(id, recordingId, schoolId, teacherId, templateId, templateVersion, s, err, m, windows,
                scores, overall, feedback, q, lessonAt, createdAt, started, finished, runId, null);
    }
}
