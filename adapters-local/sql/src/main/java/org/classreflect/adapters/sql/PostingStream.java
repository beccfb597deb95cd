package org.classreflect.adapters.sql;

/** Recordings in {@link Posting} order, read on demand. */
interface PostingStream {

    /** The next recording, or {@code null} when there is none. */
    Posting peek();

    /** Moves past {@link #peek()}. */
    void next();

    /** Moves past every recording that comes before {@code position}. */
    void skipTo(Posting position);
}
