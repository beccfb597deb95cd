package org.classreflect.core.school;

import jakarta.inject.Inject;
import java.util.List;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

public final class ListUsers {

    private final Users users;
    private final AccessPolicy policy;

    @Inject
    public ListUsers(Users users, AccessPolicy policy) {
        this.users = users;
        this.policy = policy;
    }

    /** Super admins may filter by school (null: all); managers always get their own school. */
    public Result<List<User>> execute(Actor actor, String schoolId) {
        if (!policy.canListUsers(actor)) {
            return Result.rejected(Rejection.forbidden("teachers cannot list users"));
        }
        String scope = actor.is(Role.SUPER_ADMIN) ? schoolId : actor.schoolId();
        return Result.ok(users.list(scope));
    }

    public Result<User> get(Actor actor, String userId) {
        return users.find(userId)
                .filter(u -> policy.canSeeUser(actor, u))
                .<Result<User>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("user")));
    }
}
