package org.classreflect.core.school;

import jakarta.inject.Inject;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

public final class ChangePassword {

    public record Command(String currentPassword, String newPassword) {
    }

    private final Users users;
    private final PasswordHasher hasher;

    @Inject
    public ChangePassword(Users users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    public Result<User> execute(Actor actor, Command command) {
        User user = users.find(actor.userId()).orElse(null);
        if (user == null) {
            return Result.rejected(Rejection.notFound("user"));
        }
        if (!user.hasPassword()) {
            return Result.rejected(Rejection.invalid("this account signs in through its school system, not a password"));
        }
        if (command.currentPassword() == null || !hasher.verify(command.currentPassword(), user.passwordHash())) {
            return Result.rejected(Rejection.Reason.UNAUTHENTICATED, "current password is wrong");
        }
        String problem = Credentials.passwordProblem(command.newPassword());
        if (problem != null) {
            return Result.rejected(Rejection.invalid(problem));
        }
        User changed = new User(user.id(), user.schoolId(), user.email(), user.displayName(), user.role(),
                hasher.hash(command.newPassword()), user.active(), false, user.createdAt(), user.externalId());
        users.update(changed);
        return Result.ok(changed);
    }
}
