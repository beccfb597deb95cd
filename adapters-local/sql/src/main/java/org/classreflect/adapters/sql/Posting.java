package org.classreflect.adapters.sql;

import java.time.Instant;

/** A recording in {@link SearchPostings}' order: newest first, then by the larger key. */
record Posting(Instant createdAt, long recordingKey) implements Comparable<Posting> {

    /** Negative when this one comes first (is newer). */
    @Override
    public int compareTo(Posting other) {
        int byTime = other.createdAt.compareTo(createdAt);
        return byTime != 0 ? byTime : Long.compare(other.recordingKey, recordingKey);
    }

    boolean before(Posting other) {
        return compareTo(other) < 0;
    }
}
