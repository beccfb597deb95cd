package org.classreflect.core.apitoken;

import jakarta.inject.Inject;
import java.time.Clock;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Users;

/** A user makes a personal token for a program. The secret is in the result and nowhere else, ever after. */
public final class CreateApiToken {

    public static final int MAX_TOKENS_PER_USER = 25;
    private static final int MAX_NAME = 100;

    public record Created(ApiToken token, String secret) {
    }

    private final ApiTokens tokens;
    private final Users users;
    private final Clock clock;

    @Inject
    public CreateApiToken(ApiTokens tokens, Users users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    public Result<Created> execute(Actor actor, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            return Result.rejected(Rejection.invalid("a token needs a name of 1 to " + MAX_NAME + " characters"));
        }
        if (tokens.listForUser(actor.userId()).size() >= MAX_TOKENS_PER_USER) {
            return Result.rejected(Rejection.conflict("you already have " + MAX_TOKENS_PER_USER
                    + " tokens; delete one you no longer use first"));
        }
        String secret = ApiTokenSecrets.newSecret();
        ApiToken token = new ApiToken(Ids.newId(), actor.userId(), trimmed, ApiTokenSecrets.hash(secret),
                clock.instant(), null, users.tokenVersion(actor.userId()));
        tokens.insert(token);
        return Result.ok(new Created(token, secret));
    }
}
