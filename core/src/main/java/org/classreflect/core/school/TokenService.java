package org.classreflect.core.school;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: signed, expiring access tokens that carry the actor and the user's token version at issue time. A token whose
 * version is below the user's current one (see {@link Users#bumpTokenVersion}) is refused by
 * {@code session.AuthenticateAccessToken}.
 */
public interface TokenService {

    record AccessToken(String token, Instant expiresAt) {
    }

    /** What a valid token says: who it was issued to, and the user's token version then. */
    record Verified(Actor actor, long tokenVersion) {
    }

    AccessToken issue(Actor actor, long tokenVersion);

    /** The token's claims, when its signature is valid and it has not expired. */
    Optional<Verified> read(String token);

    /** A token at version 0 (tokens made before versions existed carry no version and read as 0). */
    default AccessToken issue(Actor actor) {
        return issue(actor, 0);
    }

    /** The actor the token was issued to, when its signature is valid and it has not expired. */
    default Optional<Actor> verify(String token) {
        return read(token).map(Verified::actor);
    }
}
