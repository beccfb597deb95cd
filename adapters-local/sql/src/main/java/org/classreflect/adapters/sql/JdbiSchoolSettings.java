package org.classreflect.adapters.sql;

import java.time.Duration;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.classreflect.core.school.SchoolSettings;
import org.jdbi.v3.core.Jdbi;

public final class JdbiSchoolSettings implements SchoolSettings {

    private final Jdbi jdbi;

    public JdbiSchoolSettings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public SchoolAnalysisSettings find(String schoolId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM school_analysis_settings WHERE school_id = :id")
                        .bind("id", schoolId)
                        .map((rs, ctx) -> new SchoolAnalysisSettings(rs.getString("school_id"),
                                rs.getBoolean("hide_scores_from_teachers"), rs.getString("default_template_id"),
                                rs.getBoolean("rubric_enabled"), retention(rs.getObject("audio_retention_seconds",
                                Long.class)), rs.getInt("score_goal")))
                        .findOne())
                .orElseGet(() -> SchoolAnalysisSettings.defaults(schoolId));
    }

    @Override
    public void save(SchoolAnalysisSettings s) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO school_analysis_settings (school_id, hide_scores_from_teachers,
                                                              default_template_id, rubric_enabled,
                                                              audio_retention_seconds, score_goal)
                        VALUES (:schoolId, :hide, :defaultTemplateId, :rubric, :retention, :goal)
                        ON DUPLICATE KEY UPDATE hide_scores_from_teachers = :hide,
                            default_template_id = :defaultTemplateId, rubric_enabled = :rubric,
                            audio_retention_seconds = :retention, score_goal = :goal""")
                .bind("schoolId", s.schoolId())
                .bind("hide", s.hideScoresFromTeachers())
                .bind("defaultTemplateId", s.defaultTemplateId())
                .bind("rubric", s.rubricEnabled())
                .bind("retention", s.audioRetention() == null ? null : s.audioRetention().toSeconds())
                .bind("goal", s.scoreGoal())
                .execute());
    }

    private static Duration retention(Long seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }
}
