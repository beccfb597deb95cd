package org.classreflect.api.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.Function;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

/** Turns use-case results into HTTP answers, and rejections into the matching 4xx. */
public final class Respond {

    private Respond() {
    }

    public static <T> void with(Context ctx, Result<T> result, HttpStatus success, Function<T, ?> view) {
        if (result instanceof Result.Ok<T> ok) {
            ctx.status(success).json(view.apply(ok.value()));
        } else {
            rejection(ctx, ((Result.Rejected<T>) result).rejection());
        }
    }

    public static void rejection(Context ctx, Rejection rejection) {
        if (rejection.retryAfter() != null) {
            // whole seconds, rounded up, so a client that waits exactly this long is let through
            long seconds = Math.max(1, (rejection.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
        }
        error(ctx, statusOf(rejection.reason()), rejection.reason().code(), rejection.message());
    }

    public static void error(Context ctx, HttpStatus status, String code, String message) {
        ctx.status(status).json(new ErrorBody(code, message));
    }

    static HttpStatus statusOf(Rejection.Reason reason) {
        return switch (reason) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case PASSWORD_CHANGE_REQUIRED -> HttpStatus.FORBIDDEN;
            case STORAGE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
