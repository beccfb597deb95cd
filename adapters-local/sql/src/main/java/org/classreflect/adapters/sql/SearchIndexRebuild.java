package org.classreflect.adapters.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Builds the word index ({@link SearchPostings}) again from the word lists stored with each recording, for writes it
 * missed: a release from before V23 still writing during a rolling upgrade, or after a rollback. The index is emptied
 * first and filled in batches, each committed on its own, so searches see part of it until the rebuild ends, and a
 * recording written meanwhile may be left out: run it with the API and the workers stopped. Flyway's history is not
 * touched.
 */
public final class SearchIndexRebuild {

    private SearchIndexRebuild() {
    }

    /**
     * The number of recordings indexed, with {@code progress} told the count as it grows; empty on H2, whose word
     * table its triggers keep ({@link SearchTermsTrigger}), so there is no index to rebuild.
     */
    public static OptionalLong rebuild(Jdbi jdbi, LongConsumer progress) {
        return jdbi.withHandle(h -> {
            Connection connection = h.getConnection();
            try {
                if (SqlProduct.of(connection) == SqlProduct.H2) {
                    return OptionalLong.empty();
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("TRUNCATE TABLE search_postings");
                }
                return OptionalLong.of(SearchPostings.fillAll(connection, progress));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot rebuild the search index", e);
            }
        });
    }
}
