package org.classreflect.core.inmemory;

import org.classreflect.core.common.Page;
import org.classreflect.core.recording.ListedRecording;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingTextSearch;

/** Reads every candidate's words at each search: for tests and small trials, not for a district's recordings. */
final class InMemoryRecordingTextSearch implements RecordingTextSearch {

    private final InMemoryRecordings recordings;

    InMemoryRecordingTextSearch(InMemoryRecordings recordings) {
        this.recordings = recordings;
    }

    @Override
    public Page<ListedRecording> search(RecordingQuery query) {
        if (query.search().text() == null) {
            throw new IllegalArgumentException("a text search needs text");
        }
        return recordings.matching(query);
    }
}
