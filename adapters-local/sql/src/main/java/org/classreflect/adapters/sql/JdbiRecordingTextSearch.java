package org.classreflect.adapters.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
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
 * table that {@link SearchTermsTrigger} keeps on H2. Each query word is one condition (it may be found in the titles
 * or in the transcript), so a recording matches when it has every word somewhere. Query words hold only letters and
 * digits ({@link SearchWords}), so no full-text operator or LIKE wildcard can come from the user.
 */
public final class JdbiRecordingTextSearch implements RecordingTextSearch {

    private static final String MYSQL_WORD = """
            (MATCH (class_name, subject, original_file_name, notes) AGAINST (:%1$s IN BOOLEAN MODE)
             OR id IN (SELECT recording_id FROM transcripts WHERE MATCH (text) AGAINST (:%1$s IN BOOLEAN MODE)))""";
    private static final String H2_WORD = """
            EXISTS (SELECT 1 FROM search_terms s WHERE s.recording_id = recordings.id AND s.term LIKE :%1$s)""";

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
            return new Page<>(List.of(), 0, query.page().offset(), query.page().limit());
        }
        RecordingQuerySql sql = new RecordingQuerySql(query);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String param = "word" + i;
            conditions.add((product == SqlProduct.H2 ? H2_WORD : MYSQL_WORD).formatted(param));
            params.put(param, product == SqlProduct.H2 ? words.get(i) + "%" : "+" + words.get(i) + "*");
        }
        return sql.where(String.join(" AND ", conditions), params,
                product == SqlProduct.H2 ? List.of() : List.of("ft_recordings_titles")).page(jdbi);
    }
}
