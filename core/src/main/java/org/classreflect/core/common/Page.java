package org.classreflect.core.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing and the number of matches: exact, or, when {@code totalCapped}, the number at which counting
 * stopped (there are more than {@code total}).
 */
public record Page<T>(List<T> items, long total, int offset, int limit, boolean totalCapped) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page with an exact total. */
    public Page(List<T> items, long total, int offset, int limit) {
        this(items, total, offset, limit, false);
    }

    /** The same page with each item turned into another. */
    public <U> Page<U> map(Function<? super T, ? extends U> each) {
        return new Page<>(items.stream().<U>map(each).toList(), total, offset, limit, totalCapped);
    }
}
