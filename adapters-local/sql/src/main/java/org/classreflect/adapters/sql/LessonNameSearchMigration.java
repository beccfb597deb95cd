package org.classreflect.adapters.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;

/**
 * V20: the lesson name (V15) is searched with the other titles. MySQL, Aurora and MariaDB: the column moves to the
 * titles' case- and accent-insensitive collation and ft_recordings_titles is built again with it. H2: the titles' words
 * in {@code search_terms} are indexed again, the lesson name's among them.
 */
final class LessonNameSearchMigration extends NumberedJavaMigration {

    LessonNameSearchMigration() {
        super("20", "lesson names searched");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            if (SqlProduct.of(connection) == SqlProduct.H2) {
                statement.execute("DELETE FROM search_terms WHERE source = '" + SearchTermsTrigger.TITLES + "'");
                reindexTitles(connection);
            } else {
                statement.execute("ALTER TABLE recordings MODIFY lesson_name VARCHAR(200) CHARACTER SET utf8mb4"
                        + " COLLATE utf8mb4_unicode_ci NULL");
                statement.execute("DROP INDEX ft_recordings_titles ON recordings");
                statement.execute("CREATE FULLTEXT INDEX ft_recordings_titles ON recordings ("
                        + String.join(", ", SearchTermsTrigger.TITLE_COLUMNS) + ")");
            }
        }
    }

    private static void reindexTitles(Connection connection) throws SQLException {
        String select = "SELECT id, CONCAT_WS(' ', " + String.join(", ", SearchTermsTrigger.TITLE_COLUMNS)
                + ") FROM recordings";
        try (PreparedStatement rows = connection.prepareStatement(select); ResultSet rs = rows.executeQuery()) {
            while (rs.next()) {
                SearchTermsTrigger.index(connection, rs.getString(1), SearchTermsTrigger.TITLES, rs.getString(2));
            }
        }
    }
}
