package org.classreflect.core.accesslog;

import java.time.Instant;
import org.classreflect.core.common.Page;

/**
 * Port: the append-only access log. Entries are never changed; they leave only by age ({@link #deleteBefore}).
 */
public interface AccessLog {

    /** Adds the entry; an entry whose id is there already is not added again (a resumed step appends once). */
    void append(AccessEntry entry);

    /** Matching entries, newest first. */
    Page<AccessEntry> find(AccessLogQuery query);

    /** Removes the entries older than {@code cutoff} (the log's own retention); returns how many. */
    int deleteBefore(Instant cutoff);
}
