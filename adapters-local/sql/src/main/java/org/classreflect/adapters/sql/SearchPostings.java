package org.classreflect.adapters.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.classreflect.core.recording.SearchWords;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The word index on MySQL, Aurora and MariaDB (V23, {@code search_postings}): one row per word of a recording's word
 * lists ({@link SearchWordLists}) and recording, keyed by word, school, {@code created_at} and recording so that the
 * newest recordings holding a word, in a school or in all of them (secondary key without the school), come first from
 * one index range. Recordings and schools are named by integer keys ({@code search_key}, V23): a 36-character id in
 * each of tens of millions of rows would make the index several times larger.
 *
 * <p>A transcript's words and the titles' words of {@value SearchWords#MIN_LENGTH} characters or more are indexed as
 * they are; every title word is indexed a second time after {@link #TITLE_MARK}, for the short query words that
 * are looked for in the titles only ({@link SearchWords#isTitleOnly}).
 */
final class SearchPostings {

    /** Precedes a title word's second posting; never part of a word (letters and digits only). */
    static final String TITLE_MARK = ".";
    /** Rows written or deleted per statement. */
    private static final int ROWS_PER_STATEMENT = 500;
    /** Recordings read per statement when the whole index is filled. */
    private static final int FILL_BATCH = 200;
    /** How often a fill of the whole index reports how far it got, in recordings. */
    static final int REPORTED_EVERY = 10_000;
    private static final String READ = """
            SELECT recordings.search_key, schools.search_key AS school_key, recordings.created_at,
                recordings.search_words, transcript_search_words.search_words AS transcript_words
            FROM recordings JOIN schools ON schools.id = recordings.school_id
            LEFT JOIN transcript_search_words ON transcript_search_words.recording_id = recordings.id
            """;

    private SearchPostings() {
    }

    /** The postings of one recording: its keys and time, and the words it is found by. */
    record Posted(long recordingKey, long schoolKey, Instant createdAt, Set<String> words) {
    }

    /**
     * Runs {@code write}, a change to existing recording {@code recordingId}'s row or word lists on {@code handle}
     * inside the caller's transaction, and, on MySQL, moves its postings along in that transaction when its words,
     * school or time changed. The recording's row is locked first, so writers of one recording take turns and read
     * the latest lists.
     */
    static <T> T around(Handle handle, String recordingId, HandleCallback<T, RuntimeException> write) {
        Connection connection = handle.getConnection();
        if (product(connection) == SqlProduct.H2) {
            return write.withHandle(handle);
        }
        handle.createQuery("SELECT id FROM recordings WHERE id = :id FOR UPDATE").bind("id", recordingId)
                .mapTo(String.class).findOne();
        Optional<Posted> before = read(connection, recordingId);
        T result = write.withHandle(handle);
        move(connection, recordingId, before, read(connection, recordingId));
        return result;
    }

    /**
     * The postings of recording {@code recordingId}, just inserted on {@code handle}, in the same transaction. No
     * lock first: locking a row not yet there locks the gap around it, and two such inserts deadlocked.
     */
    static void added(Handle handle, String recordingId) {
        Connection connection = handle.getConnection();
        if (product(connection) == SqlProduct.MYSQL) {
            move(connection, recordingId, Optional.empty(), read(connection, recordingId));
        }
    }

    private static void move(Connection connection, String recordingId, Optional<Posted> before,
                             Optional<Posted> after) {
        if (before.equals(after)) {
            return;
        }
        try {
            if (before.isPresent()) {
                delete(connection, before.get());
            }
            if (after.isPresent()) {
                insert(connection, List.of(after.get()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep the search postings of " + recordingId, e);
        }
    }

    private static SqlProduct product(Connection connection) {
        try {
            return SqlProduct.of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    private static Posted posted(ResultSet rs) throws SQLException {
        LocalDateTime createdAt = rs.getObject("created_at", LocalDateTime.class);
        return new Posted(rs.getLong("search_key"), rs.getLong("school_key"), createdAt.toInstant(ZoneOffset.UTC),
                words(rs.getString("search_words"), rs.getString("transcript_words")));
    }

    /**
     * Writes the postings of every recording into an empty index, {@value #FILL_BATCH} recordings per read in the
     * order of their keys, telling {@code progress} the count every {@value #REPORTED_EVERY}; returns the count.
     */
    static long fillAll(Connection connection, LongConsumer progress) throws SQLException {
        long last = 0;
        long done = 0;
        try (PreparedStatement read = connection.prepareStatement(READ
                + " WHERE recordings.search_key > ? ORDER BY recordings.search_key LIMIT " + FILL_BATCH)) {
            while (true) {
                read.setLong(1, last);
                List<Posted> batch = new ArrayList<>();
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        batch.add(posted(rs));
                    }
                }
                if (batch.isEmpty()) {
                    return done;
                }
                insert(connection, batch);
                last = batch.get(batch.size() - 1).recordingKey();
                long before = done;
                done += batch.size();
                if (done / REPORTED_EVERY > before / REPORTED_EVERY) {
                    progress.accept(done);
                }
            }
        }
    }

    /** Writes the postings of {@code recordings}, in the index's order, several rows per statement. */
    private static void insert(Connection connection, List<Posted> recordings) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Posted p : recordings) {
            LocalDateTime at = LocalDateTime.ofInstant(p.createdAt(), ZoneOffset.UTC);
            for (String word : p.words()) {
                rows.add(new Object[] {word, p.schoolKey(), at, p.recordingKey()});
            }
        }
        rows.sort(Comparator.<Object[], String>comparing(r -> (String) r[0]).thenComparing(r -> (Long) r[1])
                .thenComparing(r -> (LocalDateTime) r[2]).thenComparing(r -> (Long) r[3]));
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            String values = String.join(", ", Collections.nCopies(part.size(), "(?, ?, ?, ?)"));
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO search_postings (word, school_key, created_at, recording_key) VALUES " + values)) {
                int i = 1;
                for (Object[] row : part) {
                    for (Object value : row) {
                        insert.setObject(i++, value);
                    }
                }
                insert.executeUpdate();
            }
        }
    }

    /** Deletes the postings of {@code p} by their whole keys. */
    private static void delete(Connection connection, Posted p) throws SQLException {
        List<String> words = new ArrayList<>(p.words());
        for (int from = 0; from < words.size(); from += ROWS_PER_STATEMENT) {
            List<String> part = words.subList(from, Math.min(words.size(), from + ROWS_PER_STATEMENT));
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM search_postings"
                    + " WHERE school_key = ? AND created_at = ? AND recording_key = ? AND word IN ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")")) {
                delete.setLong(1, p.schoolKey());
                delete.setObject(2, LocalDateTime.ofInstant(p.createdAt(), ZoneOffset.UTC));
                delete.setLong(3, p.recordingKey());
                int i = 4;
                for (String word : part) {
                    delete.setString(i++, word);
                }
                delete.executeUpdate();
            }
        }
    }

    private static Optional<Posted> read(Connection connection, String recordingId) {
        try (PreparedStatement select = connection.prepareStatement(READ + " WHERE recordings.id = ?")) {
            select.setString(1, recordingId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(posted(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the search words of " + recordingId, e);
        }
    }

    /** The indexed words of a recording's title and transcript word lists ({@code null}: none). */
    static Set<String> words(String titleList, String transcriptList) {
        Set<String> words = new TreeSet<>();
        for (String word : SearchWordLists.wordsOf(titleList)) {
            words.add(TITLE_MARK + word);
            if (!SearchWords.isTitleOnly(word)) {
                words.add(word);
            }
        }
        words.addAll(SearchWordLists.wordsOf(transcriptList));
        return words;
    }

    /** The first indexed word of {@code queryWord}'s range: the words that begin with it are those with this prefix. */
    static String prefixOf(String queryWord) {
        return SearchWords.isTitleOnly(queryWord) ? TITLE_MARK + queryWord : queryWord;
    }
}
