package org.classreflect.adapters.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;

/**
 * V11: an index for text search. MySQL, Aurora and MariaDB get InnoDB FULLTEXT indexes on the titles and the
 * transcript, whose columns move to a case- and accent-insensitive collation (under utf8mb4_bin a full-text search
 * is case-sensitive). H2 has no full-text index in MySQL mode: it gets {@code search_terms}, kept by
 * {@link SearchTermsTrigger}, filled here from the rows already stored. In Java because the two databases need
 * different statements and H2's backfill needs {@link org.classreflect.core.recording.SearchWords}.
 */
final class FullTextSearchMigration extends NumberedJavaMigration {

    private static final String TRIGGER = "AFTER INSERT, UPDATE, DELETE ON %s FOR EACH ROW CALL '"
            + SearchTermsTrigger.class.getName() + "'";

    FullTextSearchMigration() {
        super("11", "full text search");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            if (SqlProduct.of(connection) == SqlProduct.H2) {
                migrateH2(connection, statement);
            } else {
                migrateMySql(statement);
            }
        }
    }

    private static void migrateMySql(Statement statement) throws SQLException {
        statement.execute("""
                ALTER TABLE recordings
                    MODIFY class_name VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
                    MODIFY subject VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
                    MODIFY notes TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
                    MODIFY original_file_name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL""");
        statement.execute("""
                ALTER TABLE transcripts
                    MODIFY text LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL""");
        statement.execute("CREATE FULLTEXT INDEX ft_recordings_titles"
                + " ON recordings (class_name, subject, original_file_name, notes)");
        statement.execute("CREATE FULLTEXT INDEX ft_transcripts_text ON transcripts (text)");
    }

    private static void migrateH2(Connection connection, Statement statement) throws SQLException {
        statement.execute("""
                CREATE TABLE search_terms (
                    recording_id VARCHAR(64) NOT NULL,
                    source       CHAR(1)     NOT NULL,
                    term         VARCHAR(84) NOT NULL,
                    PRIMARY KEY (recording_id, term, source)
                )""");
        backfill(connection, "SELECT id, CONCAT_WS(' ', class_name, subject, original_file_name, notes)"
                + " FROM recordings", SearchTermsTrigger.TITLES);
        backfill(connection, "SELECT recording_id, text FROM transcripts", SearchTermsTrigger.TRANSCRIPT);
        statement.execute("CREATE TRIGGER tr_recordings_search_terms " + TRIGGER.formatted("recordings"));
        statement.execute("CREATE TRIGGER tr_transcripts_search_terms " + TRIGGER.formatted("transcripts"));
    }

    private static void backfill(Connection connection, String select, String source) throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement(select); ResultSet rs = rows.executeQuery()) {
            while (rs.next()) {
                SearchTermsTrigger.index(connection, rs.getString(1), source, rs.getString(2));
            }
        }
    }
}
