package org.classreflect.core.recording;

import java.util.Objects;
import java.util.Set;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.school.RecordingScope;

/**
 * A listing request as the store sees it: the actor's scope narrowed by optional filters, newest first. A recording
 * matches {@code statuses} when it is in any of them; an empty set means any status.
 */
public record RecordingQuery(RecordingScope scope, String teacherId, Set<RecordingStatus> statuses, PageRequest page,
                             RecordingSearch search) {

    public RecordingQuery {
        Objects.requireNonNull(scope, "scope");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(search, "search");
    }
}
