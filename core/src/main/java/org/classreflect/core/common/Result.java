package org.classreflect.core.common;

import java.util.function.Function;

/** What a use case returns: its value, or the {@link Rejection} that explains why not. */
public sealed interface Result<T> {

    record Ok<T>(T value) implements Result<T> {
    }

    record Rejected<T>(Rejection rejection) implements Result<T> {
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    static <T> Result<T> rejected(Rejection.Reason reason, String message) {
        return new Rejected<>(new Rejection(reason, message));
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws when rejected. For callers (tests, embedders) that have already checked. */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        Rejection r = ((Rejected<T>) this).rejection();
        throw new RejectedException(r);
    }

    default <U> Result<U> map(Function<T, U> mapper) {
        if (this instanceof Ok<T> ok) {
            return ok(mapper.apply(ok.value()));
        }
        return rejected(((Rejected<T>) this).rejection());
    }

    default <U> Result<U> flatMap(Function<T, Result<U>> mapper) {
        if (this instanceof Ok<T> ok) {
            return mapper.apply(ok.value());
        }
        return rejected(((Rejected<T>) this).rejection());
    }
}
