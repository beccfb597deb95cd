package org.classreflect.api.http;

import io.javalin.http.Context;
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
 * Finds the actor behind a request's bearer token: a sign-in JWT, or a personal API token (told apart by its
 * prefix). The user is read again on every request, so a deactivated account or a changed role takes effect at once
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
        String bearer = bearer(ctx).orElseThrow(
                () -> new UnauthorizedResponse("sign in first: send 'Authorization: Bearer <token>'"));
        Optional<Actor> actor = ApiTokenSecrets.looksLikeSecret(bearer) ? apiTokens.execute(bearer)
                : tokens.verify(bearer).flatMap(a -> users.find(a.userId())).filter(User::active).map(User::asActor);
        ctx.attribute(ACTOR, actor.orElseThrow(
                () -> new UnauthorizedResponse("the token is invalid or has expired; sign in again")));
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
