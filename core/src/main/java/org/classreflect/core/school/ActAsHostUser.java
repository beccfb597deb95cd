package org.classreflect.core.school;

import jakarta.inject.Inject;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

/**
 * The {@link Actor} for a user the embedding school system (the host) has signed in itself, found by the host's own
 * id of them (see {@link UpsertUser}). Every use case then applies the same {@link AccessPolicy} to that actor as
 * the HTTP API applies to a signed-in user.
 *
 * <p>No actor and no password: the host vouches for its user, and only the trusted host process calls this (it is
 * handed out by the SDK, never exposed over HTTP). Call it per request rather than keeping the actor, so that a
 * deactivation or a change of role takes effect at once, as it does for the API.
 */
public final class ActAsHostUser {

    private final Users users;

    @Inject
    public ActAsHostUser(Users users) {
        this.users = users;
    }

    /** Not found for an unknown external id; unauthenticated for a deactivated user. */
    public Result<Actor> execute(String externalId) {
        User user = externalId == null ? null : users.findByExternalId(externalId).orElse(null);
        if (user == null) {
            return Result.rejected(Rejection.notFound("user"));
        }
        if (!user.active()) {
            return Result.rejected(Rejection.Reason.UNAUTHENTICATED, "user " + externalId + " is deactivated");
        }
        return Result.ok(user.asActor());
    }
}
