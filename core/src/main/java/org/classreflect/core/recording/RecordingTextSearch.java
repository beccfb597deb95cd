package org.classreflect.core.recording;

import org.classreflect.core.common.Page;

/**
 * Port: finds recordings by the words of their lesson name, class name, subject, file name, notes and transcript. A
 * database's own full-text index serves it up to the size measured in docs/scaling.md; a search engine can take over
 * behind it.
 *
 * <p>A recording matches when every word of {@link SearchWords#ofQuery the query} begins a word of one of those
 * fields (not necessarily the same field), case and accents aside; a word too short for a full-text index
 * ({@link SearchWords#isTitleOnly}) is looked for in the titles only. The query's scope and its other filters apply
 * as in {@link Recordings#list}; newest first, each with its teacher's name, counted for paging up to the query's count cap.
 */
public interface RecordingTextSearch {

    /** {@code query.search().text()} is not null. */
    Page<ListedRecording> search(RecordingQuery query);
}
