package org.classreflect.adapters.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;

/**
 * V22: H2 searches transcripts through {@code search_terms}, so its {@code transcript_search_words} (V21) is no longer
 * written, and the lists V21 wrote there are removed (else a deleted recording's words would stay). MySQL, Aurora and
 * MariaDB read those lists: nothing changes.
 */
final class UnusedWordListsMigration extends NumberedJavaMigration {

    UnusedWordListsMigration() {
        super("22", "no transcript word lists on H2");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (SqlProduct.of(connection) == SqlProduct.H2) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM transcript_search_words");
            }
        }
    }
}
