package org.classreflect.adapters.sql;

import java.util.Arrays;
import java.util.List;
import org.classreflect.core.redaction.SchoolPrivacy;
import org.classreflect.core.redaction.SchoolPrivacySettings;
import org.jdbi.v3.core.Jdbi;

/** Schools' privacy choices in the {@code school_privacy} table (V18); the class list is kept one name per line. */
public final class JdbiSchoolPrivacySettings implements SchoolPrivacySettings {

    private final Jdbi jdbi;

    public JdbiSchoolPrivacySettings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public SchoolPrivacy find(String schoolId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM school_privacy WHERE school_id = :id")
                        .bind("id", schoolId)
                        .map((rs, ctx) -> {
                            int days = rs.getInt("transcript_retention_days");
                            Integer retention = rs.wasNull() ? null : days;
                            String names = rs.getString("class_list");
                            List<String> classList = names.isEmpty() ? List.of() : Arrays.asList(names.split("\n"));
                            return new SchoolPrivacy(schoolId, rs.getBoolean("redact_student_names"), classList,
                                    retention);
                        }).findOne())
                .orElseGet(() -> SchoolPrivacy.defaults(schoolId));
    }

    @Override
    public void save(SchoolPrivacy p) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO school_privacy (school_id, redact_student_names, class_list,
                                                    transcript_retention_days)
                        VALUES (:id, :redact, :names, :days)
                        ON DUPLICATE KEY UPDATE redact_student_names = :redact, class_list = :names,
                                                transcript_retention_days = :days""")
                .bind("id", p.schoolId())
                .bind("redact", p.redactStudentNames())
                .bind("names", String.join("\n", p.classList()))
                .bind("days", p.transcriptRetentionDays())
                .execute());
    }
}
