package org.classreflect.adapters.sql;

import java.util.List;

/**
 * The recordings that every stream holds, in {@link Posting} order: each stream skips to the oldest of their next
 * recordings until all agree.
 */
final class AllWordPostings extends SeveralPostings {

    AllWordPostings(List<? extends PostingStream> streams) {
        super(streams);
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
}
