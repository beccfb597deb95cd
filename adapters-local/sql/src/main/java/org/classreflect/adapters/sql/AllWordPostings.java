package org.classreflect.adapters.sql;

import java.util.List;

/**
 * The recordings that every stream holds, in {@link Posting} order: each stream skips to the oldest of their next
 * recordings until all agree.
 */
final class AllWordPostings implements PostingStream {

    private final List<? extends PostingStream> streams;

    AllWordPostings(List<? extends PostingStream> streams) {
        this.streams = List.copyOf(streams);
    }

    @Override
    public Posting peek() {
        while (true) {
            Posting oldest = null;
            boolean agree = true;
            for (PostingStream stream : streams) {
                Posting p = stream.peek();
                if (p == null) {
                    return null;
                }
                if (oldest != null && !p.equals(oldest)) {
                    agree = false;
                }
                if (oldest == null || oldest.before(p)) {
                    oldest = p;
                }
            }
            if (agree) {
                return oldest;
            }
            skipTo(oldest);
        }
    }

    @Override
    public void next() {
        if (peek() != null) {
            streams.forEach(PostingStream::next);
        }
    }

    @Override
    public void skipTo(Posting position) {
        for (PostingStream stream : streams) {
            stream.skipTo(position);
        }
    }
}
