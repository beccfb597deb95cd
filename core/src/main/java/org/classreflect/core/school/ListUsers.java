package org.classreflect.core.school;

import jakarta.inject.Inject;
import java.util.List;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

public final class ListUsers {

    /** Which users to list; each part null for any. A school manager's school is always their own. */
    public record Filter(String schoolId, Role role, Boolean active) {

        public static final Filter ANY = new Filter(null, null, null);

        boolean accepts(User user) {
            return (role == null || user.role() == role) && (active == null || user.active() == active);
        }
    }

    private final Users users;
    private final AccessPolicy policy;

    @Inject
    public ListUsers(Users users, AccessPolicy policy) {
        this.users = users;
        this.policy = policy;
    }

    /** Super admins may filter by school (null: all); managers always get their own school. */
    public Result<List<User>> execute(Actor actor, String schoolId) {
        return execute(actor, new Filter(schoolId, null, null));
    }

    public Result<List<User>> execute(Actor actor, Filter filter) {
        if (!policy.canListUsers(actor)) {
            return Result.rejected(Rejection.forbidden("teachers cannot list users"));
        }
        String scope = actor.is(Role.SUPER_ADMIN) ? filter.schoolId() : actor.schoolId();
        return Result.ok(users.list(scope).stream().filter(filter::accepts).toList());
    }

    public Result<User> get(Actor actor, String userId) {
        return users.find(userId)
                .filter(u -> policy.canSeeUser(actor, u))
                .<Result<User>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("user")));
    }
}
