package org.classreflect.core.apitoken;

import jakarta.inject.Inject;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.Actor;

/** A user deletes one of their tokens; it stops working at once. Someone else's token is simply not found. */
public final class RevokeApiToken {

    private final ApiTokens tokens;

    @Inject
    public RevokeApiToken(ApiTokens tokens) {
        this.tokens = tokens;
    }

    public Result<String> execute(Actor actor, String tokenId) {
        return tokens.delete(tokenId, actor.userId()) ? Result.ok(tokenId)
                : Result.rejected(Rejection.notFound("API token"));
    }
}
