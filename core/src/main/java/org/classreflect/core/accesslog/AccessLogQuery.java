package org.classreflect.core.accesslog;

import java.time.Instant;
import java.util.Objects;
import org.classreflect.core.common.PageRequest;

/**
 * Which entries to list: each filter null means any. {@code schoolId} and {@code teacherId} match whose data an entry
 * is about; entries are in [{@code from}, {@code to}).
 */
public record AccessLogQuery(String schoolId, String teacherId, String actorId, AccessAction action, Instant from,
                             Instant to, PageRequest page) {

    public AccessLogQuery {
        Objects.requireNonNull(page, "page");
    }

    public AccessLogQuery withPage(PageRequest next) {
        return new AccessLogQuery(schoolId, teacherId, actorId, action, from, to, next);
    }
}
