package org.classreflect.api.views;

import java.util.List;
import java.util.function.Function;
import org.classreflect.core.common.Page;

/** A page as the API sends it; {@code totalCapped}: counting stopped at {@code total}, there are more. */
public record PageView<T>(List<T> items, long total, boolean totalCapped, int offset, int limit) {

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.total(), page.totalCapped(),
                page.offset(), page.limit());
    }
}
