package org.classreflect.adapters.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * V21: {@code search_words} on recordings (title words) and transcripts (transcript words), filled here from the rows
 * already stored ({@link SearchWordLists}), in batches by key so that no result holds every transcript at once.
 */
final class SearchWordListsMigration extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    protected void init() {
        // the version is not in this class's name
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("21");
    }

    @Override
    public String getDescription() {
        return "search word lists";
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        // binary: the lists are already folded, and a binary LIKE compares bytes
        String type = SqlProduct.of(connection) == SqlProduct.H2 ? "CLOB"
                : "MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE recordings ADD COLUMN search_words " + type + " NULL");
            statement.execute("ALTER TABLE transcripts ADD COLUMN search_words " + type + " NULL");
        }
        fill(connection, "recordings", "id", "CONCAT_WS(' ', " + String.join(", ",
                SearchTermsTrigger.TITLE_COLUMNS) + ")", SearchWordLists::ofTitles);
        fill(connection, "transcripts", "recording_id", "text", SearchWordLists::ofTranscript);
    }

    private static void fill(Connection connection, String table, String key, String source,
                             UnaryOperator<String> words) throws SQLException {
        String select = "SELECT " + key + ", " + source + " FROM " + table + " WHERE " + key + " > ? ORDER BY " + key
                + " LIMIT " + BATCH;
        String last = "";
        try (PreparedStatement read = connection.prepareStatement(select);
             PreparedStatement write = connection.prepareStatement(
                     "UPDATE " + table + " SET search_words = ? WHERE " + key + " = ?")) {
            while (last != null) {
                read.setString(1, last);
                last = null;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getString(1);
                        write.setString(1, words.apply(rs.getString(2)));
                        write.setString(2, last);
                        write.addBatch();
                    }
                }
                write.executeBatch();
            }
        }
    }
}
