package org.classreflect.core.school;

import jakarta.inject.Inject;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

public final class ChangePassword {

    public record Command(String currentPassword, String newPassword) {
    }

    /** The changed user, and a new access token: every token issued before the change has stopped working. */
    public record Changed(User user, TokenService.AccessToken token) {
    }

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final TokenService tokens;

    @Inject
    public ChangePassword(Users users, PasswordHasher hasher, PasswordPolicy passwordPolicy, TokenService tokens) {
        this.users = users;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.tokens = tokens;
    }

    public Result<Changed> execute(Actor actor, Command command) {
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
        String problem = Credentials.passwordProblem(command.newPassword(), passwordPolicy, user.email(),
                user.displayName());
        if (problem == null && command.newPassword().equals(command.currentPassword())) {
            problem = "the new password must differ from the current one";
        }
        if (problem != null) {
            return Result.rejected(Rejection.invalid(problem));
        }
        User changed = new User(user.id(), user.schoolId(), user.email(), user.displayName(), user.role(),
                hasher.hash(command.newPassword()), user.active(), false, user.createdAt(), user.externalId());
        users.update(changed);
        users.bumpTokenVersion(user.id());
        return Result.ok(new Changed(changed, tokens.issue(changed.asActor(), users.tokenVersion(user.id()))));
    }
}
