package org.classreflect.adapters.sql;

import java.util.List;
import java.util.Optional;
import org.classreflect.core.school.School;
import org.classreflect.core.school.Schools;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiSchools implements Schools {

    private static final RowMapper<School> SCHOOL = (rs, ctx) ->
            new School(rs.getString("id"), rs.getString("name"), SqlTimes.instant(rs, "created_at"),
                    rs.getString("external_id"));

    private final Jdbi jdbi;

    public JdbiSchools(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(School school) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO schools (id, name, created_at, external_id)
                        VALUES (:id, :name, :createdAt, :externalId)""")
                .bind("id", school.id())
                .bind("externalId", school.externalId())
                .bind("name", school.name())
                .bind("createdAt", SqlTimes.utc(school.createdAt()))
                .execute());
    }

    @Override
    public Optional<School> find(String id) {
        return findBy("id", id);
    }

    @Override
    public Optional<School> findByName(String name) {
        return findBy("name", name);
    }

    @Override
    public Optional<School> findByExternalId(String externalId) {
        return findBy("external_id", externalId);
    }

    @Override
    public List<School> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM schools ORDER BY name, id").map(SCHOOL).list());
    }

    @Override
    public boolean rename(String id, String name) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE schools SET name = :name WHERE id = :id")
                .bind("id", id)
                .bind("name", name)
                .execute()) > 0;
    }

    private Optional<School> findBy(String column, String value) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM schools WHERE " + column + " = :value")
                .bind("value", value)
                .map(SCHOOL)
                .findOne());
    }
}
