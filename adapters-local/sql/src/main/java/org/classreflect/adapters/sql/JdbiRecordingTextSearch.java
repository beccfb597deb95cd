package org.classreflect.adapters.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classreflect.core.common.Page;
import org.classreflect.core.recording.ListedRecording;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingTextSearch;
import org.classreflect.core.recording.SearchWords;
import org.jdbi.v3.core.Jdbi;

/**
 * Text search. On H2, through {@code search_terms}, the word table {@link SearchTermsTrigger} keeps (reading H2's
 * CLOB word lists row by row made a school's search three times slower at 2,000 lessons). On MySQL, Aurora and
 * MariaDB, a school's or the district's search reads the word index in listing order ({@link PostingsSearch}): about
 * as many index rows as the page and the capped count need, whatever the district's size. A teacher's search, and a
 * query word that begins more than {@link PostingsSearch#MOST_WORDS_PER_PREFIX} indexed words (a common prefix,
 * matched by many recent lessons), take the older way, in two steps. First the newest {@value #SCANNED} recordings
 * of the scope are read in the listing's
 * order, each checked against its word lists ({@link SearchWordLists}) once, the matches' ids giving both the count
 * and the page: a teacher's or a school's recordings are all read, and a word found in many lessons fills the page and
 * the capped count from the newest few. When the matches among those are dense enough to fill the count within
 * {@value #FARTHER} times as many recordings, the scan reads on. Only when that leaves the answer open (a wider scope,
 * a rarer word) does the database's own index answer, InnoDB FULLTEXT. An index costs as much as the lessons that have
 * the word (a word of every lesson read its whole posting list: seconds at 100,000 lessons, for a teacher as for the
 * admin), a scan as much as the rows it reads.
 *
 * <p>Each query word narrows the recordings to those that have it in the titles or in the transcript (a word too
 * short for a full-text index: in the titles), so a recording matches when it has every word somewhere. Query words
 * hold only letters and digits ({@link SearchWords}), so no full-text or LIKE operator can come from the user.
 */
public final class JdbiRecordingTextSearch implements RecordingTextSearch {

    /** Recordings read before the index takes over: all of a school's (2,000 in the district benchmark). */
    static final int SCANNED = 5_000;
    /** How many times {@link #SCANNED} recordings a scan reads on when its matches are dense enough to fill the count. */
    static final int FARTHER = 4;

    private static final String TRANSCRIPT = "LEFT JOIN transcript_search_words search_transcript"
            + " ON search_transcript.recording_id = recordings.id";
    private static final String IN_TITLES = "recordings.search_words LIKE :%1$s";
    private static final String IN_TITLES_OR_TRANSCRIPT = "(recordings.search_words LIKE :%1$s"
            + " OR search_transcript.search_words LIKE :%1$s)";
    /**
     * The recordings that have the word, found once in each full-text index and joined by id. As a condition on
     * each row (MATCH ... OR id IN (SELECT ...)) MariaDB ran the transcript search again for every candidate row:
     * 12 s for a teacher's search at 2,000 recordings.
     */
    private static final String MYSQL_WORD = """
            JOIN (SELECT recording_id AS %1$s_id FROM transcripts WHERE MATCH (text) AGAINST (:%1$s IN BOOLEAN MODE)
                  UNION SELECT id FROM recordings WHERE MATCH (%2$s)
                      AGAINST (:%1$s IN BOOLEAN MODE)) %1$s ON %1$s.%1$s_id = recordings.id""";
    private static final String TITLES = String.join(", ", SearchTermsTrigger.TITLE_COLUMNS);
    /** A range rather than LIKE: H2 seeks an index by LIKE only when the pattern is a constant, not a parameter. */
    private static final String H2_WORD = """
            EXISTS (SELECT 1 FROM search_terms s WHERE s.recording_id = recordings.id
                    AND s.term >= :%1$s AND s.term < :%1$sEnd)""";

    private final Jdbi jdbi;
    private final SqlProduct product;
    private final int scanned;
    private final PostingsSearch postings;

    public JdbiRecordingTextSearch(Jdbi jdbi) {
        this(jdbi, Settings.DEFAULT);
    }

    JdbiRecordingTextSearch(Jdbi jdbi, Settings settings) {
        this.jdbi = jdbi;
        this.scanned = settings.scanned();
        this.product = SqlProduct.of(jdbi);
        this.postings = new PostingsSearch(jdbi, settings.chunk(), settings.mostWordsPerPrefix());
    }

    /**
     * {@code scanned}: recordings read before the full-text index takes over (tests choose 1 to reach it);
     * {@code chunk}: postings read per word and statement; {@code mostWordsPerPrefix}: indexed words a query word may
     * begin for the postings to answer (-1: never).
     */
    record Settings(int scanned, int chunk, int mostWordsPerPrefix) {
        static final Settings DEFAULT = new Settings(SCANNED, PostingsSearch.CHUNK,
                PostingsSearch.MOST_WORDS_PER_PREFIX);
    }

    @Override
    public Page<ListedRecording> search(RecordingQuery query) {
        if (query.search().text() == null) {
            throw new IllegalArgumentException("a text search needs text");
        }
        List<String> words = SearchWords.ofQuery(query.search().text());
        if (words.isEmpty()) {
            return query.page(List.of(), 0);
        }
        if (product == SqlProduct.H2) {
            return indexed(query, words).page(jdbi);
        }
        long wanted = query.cappedCount() ? query.countLimit() + 1 : Long.MAX_VALUE;
        if (query.scope().teacherId() == null) {
            Optional<PostingsSearch.Matches> indexed = postings.matches(query, words, wanted);
            if (indexed.isPresent()) {
                return RecordingQuerySql.pageOf(jdbi, query, indexed.get().leading(), indexed.get().counted());
            }
        }
        RecordingQuerySql scope = new RecordingQuerySql(query);
        Optional<RecordingQuerySql.Position> edge = scope.nth(jdbi, scanned);
        RecordingQuerySql newest = scanned(query, words);
        if (edge.isEmpty()) {
            return RecordingQuerySql.pageOf(jdbi, query, newest.matchingIds(jdbi, wanted));
        }
        List<String> matches = new ArrayList<>(newest.atOrNewerThan(edge.get()).matchingIds(jdbi, wanted));
        if (matches.size() < wanted && fillsWithin(matches.size(), wanted)) {
            Optional<RecordingQuerySql.Position> farthest = scope.nth(jdbi, scanned * FARTHER);
            RecordingQuerySql older = scanned(query, words).olderThan(edge.get());
            farthest.ifPresent(older::atOrNewerThan);
            matches.addAll(older.matchingIds(jdbi, wanted - matches.size()));
            if (farthest.isEmpty()) {
                return RecordingQuerySql.pageOf(jdbi, query, matches);
            }
        }
        return matches.size() >= wanted ? RecordingQuerySql.pageOf(jdbi, query, matches)
                : indexed(query, words).page(jdbi);
    }

    /**
     * Whether the newest recordings' share of matches, {@code found} in {@link #scanned}, would find {@code wanted}
     * within {@value #FARTHER} times as many: a word that common has a posting list too long for the index to be
     * quicker, and a rarer one a short list.
     */
    private boolean fillsWithin(int found, long wanted) {
        return found > 0 && (double) wanted * scanned / found <= (double) scanned * FARTHER;
    }

    private static RecordingQuerySql scanned(RecordingQuery query, List<String> words) {
        RecordingQuerySql sql = new RecordingQuerySql(query).readAlong(TRANSCRIPT);
        for (int i = 0; i < words.size(); i++) {
            String param = "word" + i;
            String word = words.get(i);
            sql.where((SearchWords.isTitleOnly(word) ? IN_TITLES : IN_TITLES_OR_TRANSCRIPT).formatted(param),
                    Map.of(param, SearchWordLists.pattern(word)));
        }
        return sql;
    }

    private RecordingQuerySql indexed(RecordingQuery query, List<String> words) {
        RecordingQuerySql sql = new RecordingQuerySql(query);
        for (int i = 0; i < words.size(); i++) {
            String param = "word" + i;
            String word = words.get(i);
            if (SearchWords.isTitleOnly(word)) {
                sql.where(IN_TITLES.formatted(param), Map.of(param, SearchWordLists.pattern(word)));
            } else if (product == SqlProduct.H2) {
                sql.where(H2_WORD.formatted(param), Map.of(param, word, param + "End", word + Character.MAX_VALUE));
            } else {
                sql.join(MYSQL_WORD.formatted(param, TITLES), Map.of(param, "+" + word + "*"));
            }
        }
        return sql;
    }
}
