package org.classreflect.core.recording;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.classreflect.core.common.Page;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.school.RecordingScope;

/**
 * A listing request as the store sees it: the actor's scope narrowed by optional filters, newest first. A recording
 * matches {@code statuses} when it is in any of them; an empty set means any status. The store counts the matches
 * past the page's offset only up to {@code countCap} ({@link #EXACT_COUNT}: all of them), so a page's total costs at
 * most that many rows, not every match of a district.
 */
public record RecordingQuery(RecordingScope scope, String teacherId, Set<RecordingStatus> statuses, PageRequest page,
                             RecordingSearch search, int countCap) {

    public static final int EXACT_COUNT = Integer.MAX_VALUE;

    public RecordingQuery {
        Objects.requireNonNull(scope, "scope");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(search, "search");
        if (countCap < page.limit()) {
            throw new IllegalArgumentException("a count cap must hold a whole page");
        }
    }

    /** A query whose total is exact. */
    public RecordingQuery(RecordingScope scope, String teacherId, Set<RecordingStatus> statuses, PageRequest page,
                          RecordingSearch search) {
        this(scope, teacherId, statuses, page, search, EXACT_COUNT);
    }

    public boolean cappedCount() {
        return countCap != EXACT_COUNT;
    }

    /** The most matches the store counts: more than this makes the total capped. */
    public long countLimit() {
        return cappedCount() ? (long) page.offset() + countCap : Long.MAX_VALUE;
    }

    /** The page with its total from {@code counted} matches, counted up to one more than {@link #countLimit()}. */
    public <T> Page<T> page(List<T> items, long counted) {
        boolean capped = counted > countLimit();
        return new Page<>(items, capped ? countLimit() : counted, page.offset(), page.limit(), capped);
    }
}
