package org.classreflect.adapters.sql;

import org.classreflect.core.system.RubricChoice;
import org.classreflect.core.system.SystemChoices;
import org.classreflect.core.system.SystemChoicesStore;
import org.jdbi.v3.core.Jdbi;

/** The system-wide choices in the one row of {@code system_settings}. */
public final class JdbiSystemChoices implements SystemChoicesStore {

    private final Jdbi jdbi;

    public JdbiSystemChoices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public SystemChoices find() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM system_settings WHERE id = 1")
                        .map((rs, ctx) -> new SystemChoices(rs.getString("transcription_model"),
                                rs.getString("rubric_provider") == null ? null
                                        : new RubricChoice(rs.getString("rubric_provider"),
                                                rs.getString("rubric_base_url"), rs.getString("rubric_model")),
                                SqlTimes.instant(rs, "updated_at"), rs.getString("updated_by")))
                        .findOne())
                .orElse(SystemChoices.NONE);
    }

    @Override
    public void save(SystemChoices c) {
        RubricChoice rubric = c.rubric();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO system_settings (id, transcription_model, rubric_provider, rubric_base_url,
                                                     rubric_model, updated_at, updated_by)
                        VALUES (1, :model, :provider, :baseUrl, :rubricModel, :updatedAt, :updatedBy)
                        ON DUPLICATE KEY UPDATE transcription_model = :model, rubric_provider = :provider,
                            rubric_base_url = :baseUrl, rubric_model = :rubricModel, updated_at = :updatedAt,
                            updated_by = :updatedBy""")
                .bind("model", c.transcriptionModel())
                .bind("provider", rubric == null ? null : rubric.provider())
                .bind("baseUrl", rubric == null ? null : rubric.baseUrl())
                .bind("rubricModel", rubric == null ? null : rubric.model())
                .bind("updatedAt", SqlTimes.utc(c.updatedAt()))
                .bind("updatedBy", c.updatedBy())
                .execute());
    }
}
