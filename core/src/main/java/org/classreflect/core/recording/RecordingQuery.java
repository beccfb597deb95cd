package org.classreflect.core.recording;

import java.util.Objects;
import org.classreflect.core.common.PageRequest;

/** A listing request as the store sees it: the actor's scope narrowed by optional filters, newest first. */
public record RecordingQuery(RecordingScope scope, String teacherId, RecordingStatus status, PageRequest page,
                             RecordingSearch search) {

    public RecordingQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(search, "search");
    }
}
