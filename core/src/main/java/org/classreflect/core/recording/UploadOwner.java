package org.classreflect.core.recording;

import jakarta.inject.Inject;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;

/** Whose lesson an upload is: the teacher uploading, or the teacher a manager or admin names. */
public final class UploadOwner {

    private final Users users;
    private final AccessPolicy policy;

    @Inject
    public UploadOwner(Users users, AccessPolicy policy) {
        this.users = users;
        this.policy = policy;
    }

    public Result<User> resolve(Actor actor, String teacherId) {
        String id = teacherId;
        if (id == null) {
            if (!actor.is(Role.TEACHER)) {
                return Result.rejected(Rejection.invalid("teacherId is required when a "
                        + actor.role().wireName() + " uploads"));
            }
            id = actor.userId();
        }
        return users.find(id)
                .filter(u -> policy.canUploadFor(actor, u))
                .<Result<User>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("teacher")));
    }
}
