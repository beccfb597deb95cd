package org.classreflect.api.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.classreflect.core.school.Actor;
import org.classreflect.core.session.AuthenticateAccessToken;

/**
 * Finds the actor behind a request's bearer token (a sign-in JWT, or a personal API token, told apart by its
 * prefix) or, failing that, behind the browser's session cookie, through the {@link AuthenticateAccessToken} use case:
 * the user is read again on every request, so a deactivated account, a changed role or a bumped token version (password
 * change, reset, sign-out) takes effect at once rather than when the token expires. A user who must replace a
 * temporary password may only read their account, change the password and sign out (403
 * {@code password_change_required} for everything else).
 */
public final class Authenticator {

    private static final String ACTOR = "classreflect.actor";
    private static final String BEARER = "Bearer ";

    /** What a user with a temporary password may still do: "METHOD path". */
    private static final Set<String> WHILE_PASSWORD_MUST_CHANGE = Set.of("GET /api/me", "POST /api/me/password",
            "POST /api/auth/logout");

    private final AuthenticateAccessToken authenticate;

    @Inject
    public Authenticator(AuthenticateAccessToken authenticate) {
        this.authenticate = authenticate;
    }

    public void authenticate(Context ctx) {
        Optional<String> bearer = bearer(ctx);
        AuthenticateAccessToken.SignedIn signedIn;
        if (bearer.isPresent()) {
            signedIn = authenticate.execute(bearer.get()).orElseThrow(
                    () -> new UnauthorizedResponse("the token is invalid or has expired; sign in again"));
        } else {
            String cookie = SessionCookie.token(ctx).orElseThrow(
                    () -> new UnauthorizedResponse("sign in first: send 'Authorization: Bearer <token>'"));
            signedIn = authenticate.execute(cookie).orElseThrow(
                    () -> new UnauthorizedResponse("your session has expired; sign in again"));
            if (changesState(ctx) && ctx.header(SessionCookie.CLIENT_HEADER) == null) {
                throw new ForbiddenResponse("requests signed in by cookie must send the "
                        + SessionCookie.CLIENT_HEADER + " header");
            }
        }
        if (signedIn.mustChangePassword()
                && !WHILE_PASSWORD_MUST_CHANGE.contains(ctx.method().name() + " " + ctx.path())) {
            throw new PasswordChangeRequired();
        }
        ctx.attribute(ACTOR, signedIn.actor());
    }

    /** 403 with the code {@code password_change_required}. */
    public static final class PasswordChangeRequired extends HttpResponseException {

        public static final String CODE = "password_change_required";

        PasswordChangeRequired() {
            super(403, "change your temporary password first (POST /api/me/password)");
        }

        /** The exception handler ApiServer registers for it. */
        public static void respond(PasswordChangeRequired e, Context ctx) {
            Respond.error(ctx, io.javalin.http.HttpStatus.FORBIDDEN, CODE, e.getMessage());
        }
    }

    /**
     * For requests that stay open (event streams): who the request's credentials sign in now, read afresh, or empty
     * once the token has expired or the user was deactivated.
     */
    public Optional<Actor> recheck(Context ctx) {
        try {
            authenticate(ctx);
            return Optional.of(actor(ctx));
        } catch (HttpResponseException e) {
            return Optional.empty();
        }
    }

    private static boolean changesState(Context ctx) {
        HandlerType method = ctx.method();
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    /** The actor behind the request's API token; empty without a bearer token, with a sign-in JWT, or a bad one. */
    public Optional<Actor> apiTokenActor(Context ctx) {
        return bearer(ctx).flatMap(authenticate::apiToken);
    }

    /** The signed-in actor, if the request was authenticated. */
    public static Optional<Actor> signedIn(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ACTOR));
    }

    public static Actor actor(Context ctx) {
        return Optional.<Actor>ofNullable(ctx.attribute(ACTOR))
                .orElseThrow(() -> new UnauthorizedResponse("sign in first"));
    }

    /** The request's credential: its bearer token, else its session cookie. */
    public static Optional<String> credential(Context ctx) {
        return bearer(ctx).or(() -> SessionCookie.token(ctx));
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header == null || !header.startsWith(BEARER) ? Optional.empty()
                : Optional.of(header.substring(BEARER.length()).trim());
    }
}
