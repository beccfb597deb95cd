package org.classreflect.adapters.sql;

import java.util.List;
import org.classreflect.core.report.TeacherGoals;
import org.jdbi.v3.core.Jdbi;

public final class JdbiTeacherGoals implements TeacherGoals {

    private final Jdbi jdbi;

    public JdbiTeacherGoals(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<String> find(String teacherId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT criterion FROM teacher_goals WHERE teacher_id = :id ORDER BY position")
                .bind("id", teacherId).mapTo(String.class).list());
    }

    @Override
    public void save(String teacherId, List<String> criteria) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM teacher_goals WHERE teacher_id = :id").bind("id", teacherId).execute();
            for (int i = 0; i < criteria.size(); i++) {
                h.createUpdate("INSERT INTO teacher_goals (teacher_id, position, criterion) VALUES (:id, :p, :c)")
                        .bind("id", teacherId).bind("p", i).bind("c", criteria.get(i)).execute();
            }
        });
    }
}
