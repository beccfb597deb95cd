package org.classreflect.core.common;

/** Offset paging, bounded so that no request can ask for an unbounded page. */
public record PageRequest(int offset, int limit) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_LIMIT);
    }
}
