package org.classreflect.core.apitoken;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;

/**
 * The actor behind an API token secret: its user, read again each time so that a deactivated account stops its
 * tokens at once, and only while the token's version is the user's current one (a password change, a reset,
 * deactivation or sign-out bumps it: see {@link Users#bumpTokenVersion}). The last use is written at most once a minute, so a busy program does not write on every call.
 */
public final class AuthenticateApiToken {

    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiTokens tokens;
    private final Users users;
    private final Clock clock;

    @Inject
    public AuthenticateApiToken(ApiTokens tokens, Users users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    public Optional<Actor> execute(String secret) {
        if (secret == null || !ApiTokenSecrets.looksLikeSecret(secret)) {
            return Optional.empty();
        }
        Optional<ApiToken> token = tokens.findBySecretHash(ApiTokenSecrets.hash(secret));
        Optional<Actor> actor = token
                .filter(t -> t.userTokenVersion() >= users.tokenVersion(t.userId()))
                .flatMap(t -> users.find(t.userId())).filter(User::active).map(User::asActor);
        if (actor.isPresent()) {
            Instant now = clock.instant();
            ApiToken used = token.orElseThrow();
            if (used.lastUsedAt() == null || used.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
                tokens.markUsed(used.id(), now);
            }
        }
        return actor;
    }
}
