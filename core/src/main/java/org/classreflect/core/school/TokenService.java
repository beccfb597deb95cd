package org.classreflect.core.school;

import java.time.Instant;
import java.util.Optional;

/** Port: signed, expiring access tokens that carry the actor. */
public interface TokenService {

    record AccessToken(String token, Instant expiresAt) {
    }

    AccessToken issue(Actor actor);

    /** The actor the token was issued to, when its signature is valid and it has not expired. */
    Optional<Actor> verify(String token);
}
