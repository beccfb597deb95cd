package org.classreflect.adapters.sql;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The recordings that hold one indexed word, in one school or in all, within optional upload dates: read from the
 * index range newest first, {@code chunk} rows at a time, each read continuing where the last one stopped or jumping
 * to where {@link #skipTo} asks.
 */
final class WordPostings implements PostingStream {

    private final Handle handle;
    private final String word;
    private final Long schoolKey;
    private final Instant from;
    private final Instant to;
    private final int chunk;
    private final Deque<Posting> read = new ArrayDeque<>();
    /** Where the next read starts (inclusive); {@code null}: from the newest. */
    private Posting next;
    private boolean exhausted;

    /** {@code schoolKey} null: every school; {@code from}, {@code to} (exclusive) null: unbounded. */
    WordPostings(Handle handle, String word, Long schoolKey, Instant from, Instant to, int chunk) {
        this.handle = handle;
        this.word = word;
        this.schoolKey = schoolKey;
        this.from = from;
        this.to = to;
        this.chunk = chunk;
    }

    @Override
    public Posting peek() {
        if (read.isEmpty() && !exhausted) {
            readChunk();
        }
        return read.peekFirst();
    }

    @Override
    public void next() {
        if (peek() != null) {
            read.removeFirst();
        }
    }

    @Override
    public void skipTo(Posting position) {
        while (!read.isEmpty() && read.peekFirst().before(position)) {
            read.removeFirst();
        }
        if (read.isEmpty() && !exhausted && (next == null || next.before(position))) {
            next = position;
        }
    }

    private void readChunk() {
        Query query = handle.createQuery(sql()).bind("word", word).bind("chunk", chunk);
        if (schoolKey != null) {
            query.bind("school", schoolKey);
        }
        if (next != null) {
            query.bind("at", SqlTimes.utc(next.createdAt())).bind("key", next.recordingKey());
        }
        if (from != null) {
            query.bind("from", SqlTimes.utc(from));
        }
        if (to != null) {
            query.bind("to", SqlTimes.utc(to));
        }
        query.map((rs, ctx) -> new Posting(SqlTimes.instant(rs, "created_at"), rs.getLong("recording_key")))
                .forEach(read::addLast);
        exhausted = read.size() < chunk;
        Posting last = read.peekLast();
        if (last != null) {
            next = new Posting(last.createdAt(), last.recordingKey() - 1);
        }
    }

    /**
     * A range on {@code created_at} the index can seek, the recordings of its last instant past the key excluded by
     * a filter (a comparison of (created_at, key) pairs is not a range MariaDB seeks).
     */
    String sql() {
        StringBuilder sql = new StringBuilder("SELECT created_at, recording_key FROM search_postings WHERE word = :word");
        if (schoolKey != null) {
            sql.append(" AND school_key = :school");
        }
        if (next != null) {
            sql.append(" AND created_at <= :at AND NOT (created_at = :at AND recording_key > :key)");
        }
        if (from != null) {
            sql.append(" AND created_at >= :from");
        }
        if (to != null) {
            sql.append(" AND created_at < :to");
        }
        return sql.append(" ORDER BY created_at DESC, recording_key DESC LIMIT :chunk").toString();
    }
}
