package org.classreflect.adapters.sql;

import org.classreflect.core.erasure.AccountRemoval;
import org.jdbi.v3.core.Jdbi;

/**
 * Removes an erased teacher's or school's account data in one transaction. The foreign keys from recordings to users
 * and schools refuse it while a recording is left, so a removal can never run ahead of the recordings' erasure.
 */
public final class JdbiAccountRemoval implements AccountRemoval {

    private final Jdbi jdbi;

    public JdbiAccountRemoval(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void removeTeacher(String userId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM api_tokens WHERE user_id = :id").bind("id", userId).execute();
            h.createUpdate("DELETE FROM teacher_goals WHERE teacher_id = :id").bind("id", userId).execute();
            h.createUpdate("DELETE FROM users WHERE id = :id").bind("id", userId).execute();
        });
    }

    @Override
    public void removeSchool(String schoolId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM api_tokens WHERE user_id IN (SELECT id FROM users WHERE school_id = :id)")
                    .bind("id", schoolId).execute();
            h.createUpdate("DELETE FROM teacher_goals WHERE teacher_id IN (SELECT id FROM users WHERE school_id = :id)")
                    .bind("id", schoolId).execute();
            h.createUpdate("DELETE FROM analysis_templates WHERE school_id = :id").bind("id", schoolId).execute();
            h.createUpdate("DELETE FROM school_analysis_settings WHERE school_id = :id").bind("id", schoolId)
                    .execute();
            h.createUpdate("DELETE FROM school_privacy WHERE school_id = :id").bind("id", schoolId).execute();
            h.createUpdate("DELETE FROM users WHERE school_id = :id").bind("id", schoolId).execute();
            h.createUpdate("DELETE FROM schools WHERE id = :id").bind("id", schoolId).execute();
        });
    }
}
