package org.classreflect.api.http;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import jakarta.inject.Inject;
import java.util.Optional;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.TokenService;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;

/**
 * Finds the actor behind a request's bearer token. The user is read again on every request, so a deactivated
 * account or a changed role takes effect at once rather than when the token expires.
 */
public final class Authenticator {

    private static final String ACTOR = "classreflect.actor";
    private static final String BEARER = "Bearer ";

    private final TokenService tokens;
    private final Users users;

    @Inject
    public Authenticator(TokenService tokens, Users users) {
        this.tokens = tokens;
        this.users = users;
    }

    public void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            throw new UnauthorizedResponse("sign in first: send 'Authorization: Bearer <token>'");
        }
        Actor actor = tokens.verify(header.substring(BEARER.length()).trim())
                .flatMap(a -> users.find(a.userId()))
                .filter(User::active)
                .map(User::asActor)
                .orElseThrow(() -> new UnauthorizedResponse("the token is invalid or has expired; sign in again"));
        ctx.attribute(ACTOR, actor);
    }

    public static Actor actor(Context ctx) {
        return Optional.<Actor>ofNullable(ctx.attribute(ACTOR))
                .orElseThrow(() -> new UnauthorizedResponse("sign in first"));
    }
}
