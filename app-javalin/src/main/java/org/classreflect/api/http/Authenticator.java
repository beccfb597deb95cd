package org.classreflect.api.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import jakarta.inject.Inject;
import java.util.Optional;
import org.classreflect.core.apitoken.ApiTokenSecrets;
import org.classreflect.core.apitoken.AuthenticateApiToken;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.TokenService;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;

/**
 * Finds the actor behind a request's bearer token (a sign-in JWT, or a personal API token, told apart by its
 * prefix) or, failing that, behind the browser's session cookie. The user is read again on every request, so a deactivated account or a changed role takes effect at once
 * rather than when the token expires.
 */
public final class Authenticator {

    private static final String ACTOR = "classreflect.actor";
    private static final String BEARER = "Bearer ";

    private final TokenService tokens;
    private final AuthenticateApiToken apiTokens;
    private final Users users;

    @Inject
    public Authenticator(TokenService tokens, AuthenticateApiToken apiTokens, Users users) {
        this.tokens = tokens;
        this.apiTokens = apiTokens;
        this.users = users;
    }

    public void authenticate(Context ctx) {
        Optional<String> bearer = bearer(ctx);
        if (bearer.isPresent()) {
            String secret = bearer.get();
            Optional<Actor> actor = ApiTokenSecrets.looksLikeSecret(secret) ? apiTokens.execute(secret)
                    : signedIn(secret);
            ctx.attribute(ACTOR, actor.orElseThrow(
                    () -> new UnauthorizedResponse("the token is invalid or has expired; sign in again")));
            return;
        }
        String cookie = SessionCookie.token(ctx).orElseThrow(
                () -> new UnauthorizedResponse("sign in first: send 'Authorization: Bearer <token>'"));
        Actor actor = signedIn(cookie).orElseThrow(
                () -> new UnauthorizedResponse("your session has expired; sign in again"));
        if (changesState(ctx) && ctx.header(SessionCookie.CLIENT_HEADER) == null) {
            throw new ForbiddenResponse("requests signed in by cookie must send the "
                    + SessionCookie.CLIENT_HEADER + " header");
        }
        ctx.attribute(ACTOR, actor);
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

    private Optional<Actor> signedIn(String jwt) {
        return tokens.verify(jwt).flatMap(a -> users.find(a.userId())).filter(User::active).map(User::asActor);
    }

    private static boolean changesState(Context ctx) {
        HandlerType method = ctx.method();
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    /** The actor behind the request's API token; empty without a bearer token, with a sign-in JWT, or a bad one. */
    public Optional<Actor> apiTokenActor(Context ctx) {
        return bearer(ctx).flatMap(apiTokens::execute);
    }

    public static Actor actor(Context ctx) {
        return Optional.<Actor>ofNullable(ctx.attribute(ACTOR))
                .orElseThrow(() -> new UnauthorizedResponse("sign in first"));
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header == null || !header.startsWith(BEARER) ? Optional.empty()
                : Optional.of(header.substring(BEARER.length()).trim());
    }
}
