package org.classreflect.adapters.sql;

import java.util.List;

/** The recordings that hold any of several words (the words of one prefix), each once, in {@link Posting} order. */
final class AnyWordPostings extends SeveralPostings {

    AnyWordPostings(List<? extends PostingStream> words) {
        super(words);
    }

    @Override
    public Posting peek() {
        Posting first = null;
        for (PostingStream word : streams) {
            Posting p = word.peek();
            if (p != null && (first == null || p.before(first))) {
                first = p;
            }
        }
        return first;
    }

    @Override
    public void next() {
        Posting first = peek();
        if (first == null) {
            return;
        }
        for (PostingStream word : streams) {
            if (first.equals(word.peek())) {
                word.next();
            }
        }
    }
}
