package org.classreflect.adapters.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongConsumer;
import org.flywaydb.core.api.migration.Context;

/**
 * V23, MySQL, Aurora and MariaDB only: integer keys for schools and recordings ({@code search_key}) and the word index
 * ({@link SearchPostings}), filled from the word lists already stored (V21).
 * H2 searches its word table ({@code search_terms}): nothing changes there.
 */
final class SearchPostingsMigration extends NumberedJavaMigration {

    private static final System.Logger LOG = System.getLogger(SearchPostingsMigration.class.getName());

    SearchPostingsMigration() {
        super("23", "search postings");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (SqlProduct.of(connection) == SqlProduct.H2) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : new String[] {"schools", "recordings"}) {
                if (!hasSearchKey(connection, table)) {
                    statement.execute("ALTER TABLE " + table + " ADD COLUMN search_key INT NOT NULL AUTO_INCREMENT,"
                            + " ADD UNIQUE KEY ux_" + table + "_search_key (search_key)");
                }
            }
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS search_postings (
                        word          VARCHAR(85) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
                        school_key    INT NOT NULL,
                        created_at    DATETIME(3) NOT NULL,
                        recording_key INT NOT NULL,
                        PRIMARY KEY (word, school_key, created_at, recording_key),
                        KEY ix_search_postings_word_created (word, created_at, recording_key)
                    ) ENGINE = InnoDB""");
        }
        fill(connection);
    }

    /**
     * MySQL commits each ALTER TABLE at once, while the fill is one transaction with the migration's record: a run cut
     * off during the fill (a process stopped in a deploy) leaves the new columns and an empty table, and the next
     * start runs V23 again. So the schema changes are made only where missing.
     */
    private static boolean hasSearchKey(Connection connection, String table) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(), null, table,
                "search_key")) {
            return columns.next();
        }
    }

    private static void fill(Connection connection) throws SQLException {
        long started = System.nanoTime();
        LongConsumer logged = done -> LOG.log(System.Logger.Level.INFO,
                "search postings: {0} recordings indexed in {1} s", done, (System.nanoTime() - started) / 1_000_000_000);
        logged.accept(SearchPostings.fillAll(connection, logged));
    }
}
