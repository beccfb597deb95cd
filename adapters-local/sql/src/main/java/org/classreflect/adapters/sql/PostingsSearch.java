package org.classreflect.adapters.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.classreflect.core.recording.RecordingQuery;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A school's or the district's text search through {@link SearchPostings}, reading about as many index rows as the
 * page and the capped count need. Each query word becomes the indexed words it begins (read from the index alone),
 * whose newest-first ranges are merged ({@link AnyWordPostings}); several query words intersect
 * ({@link AllWordPostings}); the candidates are checked against the query's other filters in batches, in order, until
 * enough match.
 */
final class PostingsSearch {

    /** Index rows read per word and statement. */
    static final int CHUNK = 500;
    /**
     * Indexed words one query word may begin: each is one more range to read. Above it the prefix is common enough
     * that a scan of the newest recordings fills the page sooner.
     */
    static final int MOST_WORDS_PER_PREFIX = 50;
    /** One row per distinct word: MariaDB reads the first of each word's range and jumps to the next word. */
    static final String INDEXED_WORDS = "SELECT DISTINCT word FROM search_postings WHERE word LIKE :prefix"
            + " ORDER BY word LIMIT :most";
    private static final int MOST_CHECKED_AT_ONCE = 1_000;
    private static final Comparator<RecordingQuerySql.Position> LISTING_ORDER =
            Comparator.comparing(RecordingQuerySql.Position::createdAt).thenComparing(RecordingQuerySql.Position::id)
                    .reversed();

    private final Jdbi jdbi;
    private final int chunk;
    private final int mostWordsPerPrefix;

    PostingsSearch(Jdbi jdbi, int chunk, int mostWordsPerPrefix) {
        this.jdbi = jdbi;
        this.chunk = chunk;
        this.mostWordsPerPrefix = mostWordsPerPrefix;
    }

    /**
     * The matches of {@code words} up to {@code wanted}, or nothing when a query word begins more than
     * {@link #MOST_WORDS_PER_PREFIX} indexed words. The query has no teacher scope.
     */
    Optional<Matches> matches(RecordingQuery query, List<String> words, long wanted) {
        return jdbi.withHandle(h -> {
            Long school = null;
            if (query.scope().schoolId() != null) {
                Optional<Long> key = h.createQuery("SELECT search_key FROM schools WHERE id = :id")
                        .bind("id", query.scope().schoolId()).mapTo(Long.class).findOne();
                if (key.isEmpty()) {
                    return Optional.of(new Matches(List.of(), 0));
                }
                school = key.get();
            }
            List<PostingStream> eachWord = new ArrayList<>();
            for (String word : words) {
                List<String> indexed = indexedWords(h, word);
                if (indexed.size() > mostWordsPerPrefix) {
                    return Optional.empty();
                }
                List<WordPostings> ranges = new ArrayList<>();
                for (String w : indexed) {
                    ranges.add(new WordPostings(h, w, school, query.search().from(), query.search().to(), chunk));
                }
                eachWord.add(new AnyWordPostings(ranges));
            }
            PostingStream candidates = new AllWordPostings(eachWord);
            RecordingQuerySql filters = new RecordingQuerySql(query);
            return Optional.of(postingsAloneMatch(query)
                    ? leading(h, filters, candidates, wanted, (long) query.page().offset() + query.page().limit())
                    : filtered(h, filters, candidates, wanted));
        });
    }

    private List<String> indexedWords(Handle h, String queryWord) {
        return h.createQuery(INDEXED_WORDS)
                .bind("prefix", SearchPostings.prefixOf(queryWord) + "%").bind("most", mostWordsPerPrefix + 1)
                .mapTo(String.class).list();
    }

    /**
     * {@code counted} matches (at most the {@code wanted}); the ids of the first ones in the listing's order, at least
     * as many as the page reaches.
     */
    record Matches(List<String> leading, long counted) {
    }

    /** Whether every candidate matches: the postings hold the scope and the upload dates, not the other filters. */
    private static boolean postingsAloneMatch(RecordingQuery query) {
        return query.statuses().isEmpty() && query.search().subject() == null && query.teacherId() == null;
    }

    /**
     * Every candidate matches: they are counted from the index alone, and only the ids the page needs are read. The
     * index sorts recordings of one instant by key, not by id as the listing does: those of the page's last instant
     * are all read and sorted.
     */
    private static Matches leading(Handle h, RecordingQuerySql filters, PostingStream candidates, long wanted,
                                   long needed) {
        List<Posting> taken = new ArrayList<>();
        for (Posting p = candidates.peek(); p != null && taken.size() < wanted; p = candidates.peek()) {
            taken.add(p);
            candidates.next();
        }
        long counted = taken.size();
        if (taken.isEmpty()) {
            return new Matches(List.of(), 0);
        }
        int end = (int) Math.min(needed, taken.size());
        Posting edge = taken.get(end - 1);
        while (end < taken.size() && taken.get(end).createdAt().equals(edge.createdAt())) {
            end++;
        }
        for (Posting p = candidates.peek(); end == taken.size() && p != null
                && p.createdAt().equals(edge.createdAt()); p = candidates.peek()) {
            taken.add(p);
            candidates.next();
            end++;
        }
        List<RecordingQuerySql.Position> found = new ArrayList<>(filters.amongSearchKeys(h,
                taken.subList(0, end).stream().map(Posting::recordingKey).toList()));
        found.sort(LISTING_ORDER);
        return new Matches(found.stream().map(RecordingQuerySql.Position::id).toList(), counted);
    }

    /**
     * Candidates are checked against the other filters in batches, in index order; reading stops only past the
     * instant of the last wanted match (the index sorts one instant's recordings by key, the listing by id), and the
     * matches are sorted at the end.
     */
    private static Matches filtered(Handle h, RecordingQuerySql filters, PostingStream candidates, long wanted) {
        List<RecordingQuerySql.Position> found = new ArrayList<>();
        while (true) {
            int batchSize = (int) Math.max(1, Math.min(wanted - found.size(), MOST_CHECKED_AT_ONCE));
            List<Long> keys = new ArrayList<>();
            Posting last = null;
            for (Posting p = candidates.peek(); p != null && keys.size() < batchSize; p = candidates.peek()) {
                keys.add(p.recordingKey());
                last = p;
                candidates.next();
            }
            if (keys.isEmpty()) {
                break;
            }
            found.addAll(filters.amongSearchKeys(h, keys));
            found.sort(LISTING_ORDER);
            if (found.size() >= wanted && last.createdAt().isBefore(found.get((int) wanted - 1).createdAt())) {
                break;
            }
        }
        List<String> ids = found.stream().limit(wanted).map(RecordingQuerySql.Position::id).toList();
        return new Matches(ids, ids.size());
    }
}
