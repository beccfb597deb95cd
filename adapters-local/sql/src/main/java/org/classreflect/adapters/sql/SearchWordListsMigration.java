package org.classreflect.adapters.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.migration.Context;

/**
 * V21: the word lists ({@link SearchWordLists}) of each recording's titles, in {@code recordings.search_words}, and of
 * each transcript, in a table of their own ({@code transcript_search_words}: on MariaDB a new column on transcripts,
 * whose FULLTEXT index rules out an instant ADD COLUMN, rebuilt the whole table, 6 GB at 100,000 lessons). Filled
 * here from the rows already stored, in batches by key so that no result holds every transcript at once. H2 leaves the
 * transcripts' table empty: it searches them through {@code search_terms} (V22).
 */
final class SearchWordListsMigration extends NumberedJavaMigration {

    private static final int BATCH = 500;

    SearchWordListsMigration() {
        super("21", "search word lists");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        // binary: the lists are already folded, and a binary LIKE compares bytes
        boolean h2 = SqlProduct.of(connection) == SqlProduct.H2;
        String type = h2 ? "CLOB"
                : "MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE recordings ADD COLUMN search_words " + type + " NULL");
            statement.execute("CREATE TABLE transcript_search_words (recording_id VARCHAR(64) NOT NULL, search_words "
                    + type + " NOT NULL, PRIMARY KEY (recording_id))");
        }
        fill(connection, "SELECT id, CONCAT_WS(' ', " + String.join(", ", SearchTermsTrigger.TITLE_COLUMNS)
                + ") FROM recordings WHERE id > ? ORDER BY id LIMIT " + BATCH,
                "UPDATE recordings SET search_words = ? WHERE id = ?", SearchWordLists::ofTitles);
        if (h2) {
            return;
        }
        fill(connection, "SELECT recording_id, text FROM transcripts WHERE recording_id > ?"
                + " ORDER BY recording_id LIMIT " + BATCH, "INSERT INTO transcript_search_words (search_words, recording_id) VALUES (?, ?)",
                SearchWordLists::ofTranscript);
    }

    /** {@code select}: key and text of the next batch after a key; {@code store}: the words, then the key. */
    private static void fill(Connection connection, String select, String store, UnaryOperator<String> words)
            throws SQLException {
        String last = "";
        try (PreparedStatement read = connection.prepareStatement(select);
             PreparedStatement write = connection.prepareStatement(store)) {
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
