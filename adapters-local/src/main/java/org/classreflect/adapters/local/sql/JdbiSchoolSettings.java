package org.classreflect.adapters.local.sql;

import org.classreflect.core.analysis.SchoolAnalysisSettings;
import org.classreflect.core.analysis.SchoolSettings;
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
                                rs.getBoolean("rubric_enabled")))
                        .findOne())
                .orElseGet(() -> SchoolAnalysisSettings.defaults(schoolId));
    }

    @Override
    public void save(SchoolAnalysisSettings s) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO school_analysis_settings (school_id, hide_scores_from_teachers,
                                                              default_template_id, rubric_enabled)
                        VALUES (:schoolId, :hide, :defaultTemplateId, :rubric)
                        ON DUPLICATE KEY UPDATE hide_scores_from_teachers = :hide,
                            default_template_id = :defaultTemplateId, rubric_enabled = :rubric""")
                .bind("schoolId", s.schoolId())
                .bind("hide", s.hideScoresFromTeachers())
                .bind("defaultTemplateId", s.defaultTemplateId())
                .bind("rubric", s.rubricEnabled())
                .execute());
    }
}
