package org.classreflect.core.common;

/** Thrown by {@link Result#orElseThrow()} when a caller insists on a value that was refused. */
public final class RejectedException extends RuntimeException {

    private final transient Rejection rejection;

    public RejectedException(Rejection rejection) {
        super(rejection.reason().code() + ": " + rejection.message());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
