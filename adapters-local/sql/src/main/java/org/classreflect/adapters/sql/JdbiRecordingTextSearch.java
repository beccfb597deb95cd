package org.classreflect.adapters.sql;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.classreflect.core.common.Page;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingTextSearch;
import org.classreflect.core.recording.SearchWords;
import org.jdbi.v3.core.Jdbi;

/**
 * Text search in the database's own index: InnoDB FULLTEXT on MySQL, Aurora and MariaDB; the {@code search_terms}
 * table that {@link SearchTermsTrigger} keeps on H2. Each query word narrows the recordings to those that have it in
 * the titles or in the transcript (a word too short for a full-text index: in the titles), so a recording matches
 * when it has every word somewhere. Query words hold only
 * letters and digits ({@link SearchWords}), so no full-text operator can come from the user.
 */
public final class JdbiRecordingTextSearch implements RecordingTextSearch {

    /**
     * The recordings that have the word, found once in each full-text index and joined by id. As a condition on
     * each row (MATCH ... OR id IN (SELECT ...)) MariaDB ran the transcript search again for every candidate row:
     * 12 s for a teacher's search at 2,000 recordings.
     */
    private static final String MYSQL_WORD = """
            JOIN (SELECT recording_id AS %1$s_id FROM transcripts WHERE MATCH (text) AGAINST (:%1$s IN BOOLEAN MODE)
                  UNION SELECT id FROM recordings WHERE MATCH (%2$s)
                      AGAINST (:%1$s IN BOOLEAN MODE)) %1$s ON %1$s.%1$s_id = recordings.id""";
    /**
     * A word too short for InnoDB's full-text index (innodb_ft_min_token_size, 3) in the titles. MariaDB's REGEXP
     * follows the columns' case-insensitive collation; accents count (SearchWords removes them from the query).
     */
    private static final String MYSQL_SHORT_WORD = "CONCAT_WS(' ', %2$s) REGEXP :%1$s";
    private static final String TITLES = String.join(", ", SearchTermsTrigger.TITLE_COLUMNS);
    /** A range rather than LIKE: H2 seeks an index by LIKE only when the pattern is a constant, not a parameter. */
    private static final String H2_WORD = """
            EXISTS (SELECT 1 FROM search_terms s WHERE s.recording_id = recordings.id
                    AND s.term >= :%1$s AND s.term < :%1$sEnd%2$s)""";

    private final Jdbi jdbi;
    private final SqlProduct product;

    public JdbiRecordingTextSearch(Jdbi jdbi) {
        this.jdbi = jdbi;
        try {
            this.product = jdbi.withHandle(h -> SqlProduct.of(h.getConnection()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    @Override
    public Page<Recording> search(RecordingQuery query) {
        if (query.search().text() == null) {
            throw new IllegalArgumentException("a text search needs text");
        }
        List<String> words = SearchWords.ofQuery(query.search().text());
        if (words.isEmpty()) {
            return query.page(List.of(), 0);
        }
        RecordingQuerySql sql = new RecordingQuerySql(query);
        for (int i = 0; i < words.size(); i++) {
            String param = "word" + i;
            String word = words.get(i);
            boolean titleOnly = SearchWords.isTitleOnly(word);
            if (product == SqlProduct.H2) {
                sql.where(H2_WORD.formatted(param, titleOnly ? " AND s.source = '" + SearchTermsTrigger.TITLES + "'"
                        : ""), Map.of(param, word, param + "End", word + Character.MAX_VALUE));
            } else if (titleOnly) {
                sql.where(MYSQL_SHORT_WORD.formatted(param, TITLES), Map.of(param, "(^|[^[:alnum:]])" + word));
            } else {
                sql.join(MYSQL_WORD.formatted(param, TITLES), Map.of(param, "+" + word + "*"));
            }
        }
        return sql.page(jdbi);
    }
}
