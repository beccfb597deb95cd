package org.classreflect.adapters.sql;

import java.util.List;

/** A stream made of several, which all skip together. */
abstract class SeveralPostings implements PostingStream {

    final List<? extends PostingStream> streams;

    SeveralPostings(List<? extends PostingStream> streams) {
        this.streams = List.copyOf(streams);
    }

    @Override
    public void skipTo(Posting position) {
        for (PostingStream stream : streams) {
            stream.skipTo(position);
        }
    }
}
