package org.classreflect.adapters.sql;

import java.util.List;

/** The recordings that hold any of several words (the words of one prefix), each once, in {@link Posting} order. */
final class AnyWordPostings implements PostingStream {

    private final List<? extends PostingStream> words;

    AnyWordPostings(List<? extends PostingStream> words) {
        this.words = List.copyOf(words);
    }

    @Override
    public Posting peek() {
        Posting first = null;
        for (PostingStream word : words) {
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
        for (PostingStream word : words) {
            if (first.equals(word.peek())) {
                word.next();
            }
        }
    }

    @Override
    public void skipTo(Posting position) {
        for (PostingStream word : words) {
            word.skipTo(position);
        }
    }
}
