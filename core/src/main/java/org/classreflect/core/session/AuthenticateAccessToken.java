package org.classreflect.core.session;

import jakarta.inject.Inject;
import java.util.Optional;
import org.classreflect.core.apitoken.ApiTokenSecrets;
import org.classreflect.core.apitoken.AuthenticateApiToken;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.TokenService;
import org.classreflect.core.school.User;
import org.classreflect.core.school.UserWithTokenVersion;
import org.classreflect.core.school.Users;

/**
 * Who a credential signs in: a sign-in access token (JWT) or a personal API token, told apart by the API token's
 * prefix. The user is read afresh each time: the credential works only while the user is active and its token version
 * is the user's current one, so a password change, a reset, deactivation or sign-out ends it at once.
 */
public final class AuthenticateAccessToken {

    /** The actor, and whether they must replace a temporary password before doing anything else. */
    public record SignedIn(Actor actor, boolean mustChangePassword) {
    }

    private final TokenService tokens;
    private final AuthenticateApiToken apiTokens;
    private final Users users;

    @Inject
    public AuthenticateAccessToken(TokenService tokens, AuthenticateApiToken apiTokens, Users users) {
        this.tokens = tokens;
        this.apiTokens = apiTokens;
        this.users = users;
    }

    public Optional<SignedIn> execute(String credential) {
        if (credential == null || credential.isEmpty()) {
            return Optional.empty();
        }
        if (ApiTokenSecrets.looksLikeSecret(credential)) {
            return apiTokens.execute(credential).flatMap(actor -> users.find(actor.userId()))
                    .map(user -> new SignedIn(user.asActor(), user.mustChangePassword()));
        }
        return tokens.read(credential)
                .flatMap(token -> users.findWithTokenVersion(token.actor().userId())
                        .filter(current -> token.tokenVersion() >= current.tokenVersion()))
                .map(UserWithTokenVersion::user)
                .filter(User::active)
                .map(user -> new SignedIn(user.asActor(), user.mustChangePassword()));
    }

    /** The actor behind a personal API token only; empty for a sign-in token or a bad one. */
    public Optional<Actor> apiToken(String credential) {
        return apiTokens.execute(credential);
    }
}
