package org.classreflect.adapters.sql;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.analysis.CriterionScore;
import org.classreflect.core.metrics.Measurement;
import org.classreflect.core.metrics.Metric;
import org.classreflect.core.metrics.TranscriptQuality;
import org.classreflect.core.metrics.WindowRate;
import org.classreflect.core.rubric.RubricResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

public final class JdbiAnalyses implements Analyses {

    private static final TypeReference<Map<Metric, Measurement>> METRICS = new TypeReference<>() { };
    private static final TypeReference<List<WindowRate>> WINDOWS = new TypeReference<>() { };
    private static final TypeReference<List<CriterionScore>> SCORES = new TypeReference<>() { };
    private static final TypeReference<RubricResult> RUBRIC = new TypeReference<>() { };
    private static final TypeReference<TranscriptQuality> QUALITY = new TypeReference<>() { };

    private static final RowMapper<Analysis> ANALYSIS = (rs, ctx) -> new Analysis(
            rs.getString("id"),
            rs.getString("recording_id"),
            rs.getString("school_id"),
            rs.getString("teacher_id"),
            rs.getString("template_id"),
            rs.getInt("template_version"),
            AnalysisStatus.fromWireName(rs.getString("status")).orElseThrow(),
            rs.getString("error_message"),
            AnalysisJson.read(rs.getString("metrics"), METRICS),
            AnalysisJson.read(rs.getString("speaking_rate_windows"), WINDOWS),
            AnalysisJson.read(rs.getString("criterion_scores"), SCORES),
            SqlTimes.nullableDouble(rs, "overall_score"),
            AnalysisJson.read(rs.getString("rubric_feedback"), RUBRIC),
            AnalysisJson.read(rs.getString("transcript_quality"), QUALITY),
            SqlTimes.instant(rs, "lesson_at"),
            SqlTimes.instant(rs, "created_at"),
            SqlTimes.instant(rs, "started_at"),
            SqlTimes.instant(rs, "finished_at"),
            rs.getString("run_id"),
            SqlTimes.instant(rs, "lease_until"));

    /** Completed analyses whose recording still exists, oldest lesson first. */
    private static final String COMPLETED = """
            SELECT a.* FROM analyses a JOIN recordings r ON r.id = a.recording_id
            WHERE a.status = 'completed' AND a.%s = :owner ORDER BY a.lesson_at, a.id""";

    private static final String SET = """
            UPDATE analyses SET status = :status, error_message = :error, metrics = :metrics,
                speaking_rate_windows = :windows, criterion_scores = :scores, overall_score = :overall, rubric_feedback = :rubric,
                transcript_quality = :quality, started_at = :startedAt, finished_at = :finishedAt, run_id = :runId, lease_until = :leaseUntil
            """;

    private final Jdbi jdbi;

    public JdbiAnalyses(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Analysis a) {
        jdbi.useHandle(h -> bind(h.createUpdate("""
                INSERT INTO analyses (id, recording_id, school_id, teacher_id, template_id, template_version, status,
                                      error_message, metrics, speaking_rate_windows, criterion_scores, overall_score,
                                      rubric_feedback, transcript_quality, lesson_at, created_at, started_at,
                                      finished_at, run_id, lease_until)
                VALUES (:id, :recordingId, :schoolId, :teacherId, :templateId, :templateVersion, :status, :error,
                        :metrics, :windows, :scores, :overall, :rubric, :quality, :lessonAt, :createdAt, :startedAt,
                        :finishedAt, :runId, :leaseUntil)"""), a)
                .execute());
    }

    @Override
    public Optional<Analysis> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM analyses WHERE id = :id").bind("id", id)
                .map(ANALYSIS).findOne());
    }

    @Override
    public List<Analysis> listForRecording(String recordingId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM analyses WHERE recording_id = :id ORDER BY created_at, id")
                .bind("id", recordingId).map(ANALYSIS).list());
    }

    @Override
    public List<Analysis> listUnfinished() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM analyses WHERE status IN ('queued', 'running') ORDER BY created_at, id")
                .map(ANALYSIS).list());
    }

    @Override
    public void deleteForRecording(String recordingId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM analyses WHERE recording_id = :id")
                .bind("id", recordingId).execute());
    }

    /** Rows running before leases existed have no run id: they match a run id of null. */
    @Override
    public boolean update(Analysis a, AnalysisStatus expected) {
        return jdbi.withHandle(h -> bind(h.createUpdate(SET + """
                WHERE id = :id AND status = :expected
                  AND (status <> 'running' OR COALESCE(run_id, '') = COALESCE(:runId, ''))"""), a)
                .bind("expected", expected.wireName())
                .execute()) > 0;
    }

    @Override
    public boolean claim(Analysis running, Instant now) {
        return jdbi.withHandle(h -> bind(h.createUpdate(SET + """
                WHERE id = :id AND (status = 'queued'
                  OR (status = 'running' AND (lease_until IS NULL OR lease_until <= :now)))"""), running)
                .bind("now", SqlTimes.utc(now))
                .execute()) > 0;
    }

    @Override
    public boolean renewLease(String id, String runId, Instant leaseUntil) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE analyses SET lease_until = :leaseUntil
                        WHERE id = :id AND status = 'running' AND run_id = :runId""")
                .bind("id", id).bind("runId", runId).bind("leaseUntil", SqlTimes.utc(leaseUntil))
                .execute()) > 0;
    }

    @Override
    public List<Analysis> listCompletedForTeacher(String teacherId) {
        return completed("teacher_id", teacherId);
    }

    @Override
    public List<Analysis> listCompletedForSchool(String schoolId) {
        return completed("school_id", schoolId);
    }

    private List<Analysis> completed(String column, String owner) {
        return jdbi.withHandle(h -> h.createQuery(COMPLETED.formatted(column)).bind("owner", owner)
                .map(ANALYSIS).list());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Analysis a) {
        return statement
                .bind("id", a.id())
                .bind("recordingId", a.recordingId())
                .bind("schoolId", a.schoolId())
                .bind("teacherId", a.teacherId())
                .bind("templateId", a.templateId())
                .bind("templateVersion", a.templateVersion())
                .bind("status", a.status().wireName())
                .bind("error", a.error())
                .bind("metrics", AnalysisJson.write(a.metrics()))
                .bind("windows", AnalysisJson.write(a.speakingRateByWindow()))
                .bind("scores", AnalysisJson.write(a.criterionScores()))
                .bind("overall", a.overallScore())
                .bind("rubric", AnalysisJson.write(a.rubric()))
                .bind("quality", AnalysisJson.write(a.quality()))
                .bind("lessonAt", SqlTimes.utc(a.lessonAt()))
                .bind("createdAt", SqlTimes.utc(a.createdAt()))
                .bind("startedAt", SqlTimes.utc(a.startedAt()))
                .bind("finishedAt", SqlTimes.utc(a.finishedAt()))
                .bind("runId", a.runId())
                .bind("leaseUntil", SqlTimes.utc(a.leaseUntil()));
    }
}
