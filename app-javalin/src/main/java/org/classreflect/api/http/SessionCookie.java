package org.classreflect.api.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The browser's sign-in: the same JWT the API hands out, kept in an HttpOnly cookie so page scripts never see it and
 * the audio element and EventSource (which cannot send headers) are signed in too. SameSite=Strict keeps other sites'
 * requests from carrying it; {@link #CLIENT_HEADER} on every state-changing request is a second guard against
 * cross-site forms.
 */
public final class SessionCookie {

    static final String NAME = "classreflect_session";
    public static final String CLIENT_HEADER = "X-Requested-With";

    private SessionCookie() {
    }

    public static void set(Context ctx, String token, Instant expiresAt, Instant now) {
        int maxAge = (int) Math.max(0, Duration.between(now, expiresAt).toSeconds());
        ctx.cookie(new Cookie(NAME, token, "/", maxAge, isHttps(ctx), true, null, SameSite.STRICT));
    }

    public static void clear(Context ctx) {
        ctx.cookie(new Cookie(NAME, "", "/", 0, isHttps(ctx), true, null, SameSite.STRICT));
    }

    static Optional<String> token(Context ctx) {
        return Optional.ofNullable(ctx.cookie(NAME)).filter(v -> !v.isBlank());
    }

    /** Behind a TLS-terminating load balancer the request arrives as plain HTTP with X-Forwarded-Proto set. */
    private static boolean isHttps(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
