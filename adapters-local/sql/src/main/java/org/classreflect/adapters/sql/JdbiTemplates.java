package org.classreflect.adapters.sql;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.classreflect.core.template.Criterion;
import org.classreflect.core.template.Template;
import org.classreflect.core.template.Templates;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiTemplates implements Templates {

    private static final TypeReference<Set<String>> NAMES = new TypeReference<>() { };
    private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() { };

    private static final RowMapper<Template> TEMPLATE = (rs, ctx) -> new Template(
            rs.getString("id"),
            rs.getString("school_id"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getString("category"),
            AnalysisJson.read(rs.getString("subjects"), NAMES),
            AnalysisJson.read(rs.getString("grades"), NAMES),
            rs.getInt("version"),
            AnalysisJson.read(rs.getString("criteria"), CRITERIA));

    /** The newest version of each template, deleted ones left out. */
    private static final String LATEST = """
            SELECT t.* FROM analysis_templates t
            WHERE t.deleted = FALSE
              AND t.version = (SELECT MAX(v.version) FROM analysis_templates v WHERE v.id = t.id)""";

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiTemplates(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void insert(Template t) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO analysis_templates (id, version, school_id, name, description, category, subjects,
                                                        grades, criteria, deleted, created_at)
                        VALUES (:id, :version, :schoolId, :name, :description, :category, :subjects, :grades,
                                :criteria, FALSE, :createdAt)""")
                .bind("id", t.id())
                .bind("version", t.version())
                .bind("schoolId", t.schoolId())
                .bind("name", t.name())
                .bind("description", t.description())
                .bind("category", t.category())
                .bind("subjects", AnalysisJson.write(t.subjects()))
                .bind("grades", AnalysisJson.write(t.grades()))
                .bind("criteria", AnalysisJson.write(t.criteria()))
                .bind("createdAt", SqlTimes.utc(clock.instant()))
                .execute());
    }

    @Override
    public Optional<Template> latest(String id) {
        return jdbi.withHandle(h -> h.createQuery(LATEST + " AND t.id = :id").bind("id", id).map(TEMPLATE)
                .findOne());
    }

    @Override
    public Optional<Template> find(String id, int version) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM analysis_templates WHERE id = :id AND version = :version")
                .bind("id", id).bind("version", version).map(TEMPLATE).findOne());
    }

    @Override
    public List<Template> listUsableBy(String schoolId) {
        return jdbi.withHandle(h -> h.createQuery(LATEST
                        + " AND (t.school_id IS NULL OR t.school_id = :schoolId) ORDER BY t.name, t.id")
                .bind("schoolId", schoolId).map(TEMPLATE).list());
    }

    @Override
    public List<Template> listAll() {
        return jdbi.withHandle(h -> h.createQuery(LATEST + " ORDER BY t.name, t.id").map(TEMPLATE).list());
    }

    @Override
    public boolean delete(String id) {
        return jdbi.withHandle(h -> h.createUpdate(
                "UPDATE analysis_templates SET deleted = TRUE WHERE id = :id AND deleted = FALSE")
                .bind("id", id).execute()) > 0;
    }
}
