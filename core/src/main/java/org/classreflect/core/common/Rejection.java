package org.classreflect.core.common;

import java.time.Duration;
import java.util.Objects;

/**
 * A business refusal: an expected outcome that callers map to a client error, never a stack trace.
 * {@code retryAfter} (or null) says when the same request may succeed (too many attempts).
 */
public record Rejection(Reason reason, String message, Duration retryAfter) {

    public enum Reason {
        INVALID_INPUT("invalid_input"),
        UNAUTHENTICATED("unauthenticated"),
        FORBIDDEN("forbidden"),
        NOT_FOUND("not_found"),
        CONFLICT("conflict"),
        TOO_LARGE("too_large"),
        UNSUPPORTED_MEDIA_TYPE("unsupported_media_type"),
        TOO_MANY_REQUESTS("too_many_requests"),
        PASSWORD_CHANGE_REQUIRED("password_change_required"),
        /** Storage cannot take the file now (unwritable, or its disk nearly full): try again later (503). */
        STORAGE_UNAVAILABLE("storage_unavailable");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Rejection(Reason reason, String message) {
        this(reason, message, null);
    }

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public static Rejection invalid(String message) {
        return new Rejection(Reason.INVALID_INPUT, message);
    }

    public static Rejection notFound(String what) {
        return new Rejection(Reason.NOT_FOUND, what + " not found");
    }

    public static Rejection forbidden(String message) {
        return new Rejection(Reason.FORBIDDEN, message);
    }

    public static Rejection tooManyAttempts(String message, Duration retryAfter) {
        return new Rejection(Reason.TOO_MANY_REQUESTS, message, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    public static Rejection storageUnavailable(String message) {
        return new Rejection(Reason.STORAGE_UNAVAILABLE, message);
    }

    public static Rejection conflict(String message) {
        return new Rejection(Reason.CONFLICT, message);
    }
}
