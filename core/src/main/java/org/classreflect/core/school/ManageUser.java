package org.classreflect.core.school;

import jakarta.inject.Inject;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

/**
 * Changes to an existing account: name, email, role (teacher and school manager trade places within a school),
 * deactivation and reactivation, and a new temporary password. Super admins act on anyone, school managers on their
 * own school's teachers and managers. Nobody deactivates themselves, and a school always keeps an active manager.
 * A deactivated user cannot sign in, and their existing tokens stop working (the API re-reads the user each time, and
 * deactivation and a new temporary password bump the user's token version, so tokens issued before stay dead after a
 * reactivation too).
 */
public final class ManageUser {

    /** Null fields stay as they are. */
    public record Changes(String displayName, String email, Role role, Boolean active) {
    }

    /** The password is shown once and never stored in clear; the user must replace it at their next sign-in. */
    public record TemporaryPassword(User user, String password) {
    }

    private final Users users;
    private final PasswordHasher hasher;
    private final AccessPolicy policy;

    @Inject
    public ManageUser(Users users, PasswordHasher hasher, AccessPolicy policy) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
    }

    public Result<User> update(Actor actor, String userId, Changes changes) {
        return manageable(actor, userId).flatMap(user -> changed(actor, user, changes).map(updated -> {
            users.update(updated);
            if (user.active() && !updated.active()) {
                users.bumpTokenVersion(updated.id());
            }
            return updated;
        }));
    }

    public Result<TemporaryPassword> issueTemporaryPassword(Actor actor, String userId) {
        return manageable(actor, userId).flatMap(user -> {
            if (user.id().equals(actor.userId())) {
                return Result.rejected(Rejection.invalid("change your own password on your account page"));
            }
            if (user.externalId() != null) {
                // a password would open a second way in, around the host's own sign-in
                return Result.rejected(Rejection.invalid("this account signs in through its school system"));
            }
            if (!policy.canCreateUser(actor, user.role(), user.schoolId())) {
                // a new password is a way into the account: only for whoever could have created it
                return Result.rejected(Rejection.forbidden("only a super admin gives a school manager a new password"));
            }
            String password = TemporaryPasswords.generate();
            User reset = new User(user.id(), user.schoolId(), user.email(), user.displayName(), user.role(),
                    hasher.hash(password), user.active(), true, user.createdAt(), user.externalId());
            users.update(reset);
            users.bumpTokenVersion(reset.id());
            return Result.ok(new TemporaryPassword(reset, password));
        });
    }

    private Result<User> manageable(Actor actor, String userId) {
        User user = users.find(userId).filter(u -> policy.canSeeUser(actor, u)).orElse(null);
        if (user == null) {
            return Result.rejected(Rejection.notFound("user"));
        }
        if (!policy.canManageUser(actor, user)) {
            return Result.rejected(Rejection.forbidden("you may not change this user"));
        }
        return Result.ok(user);
    }

    private Result<User> changed(Actor actor, User user, Changes changes) {
        String name = user.displayName();
        if (changes.displayName() != null) {
            name = Credentials.displayName(changes.displayName());
            if (name == null) {
                return Result.rejected(Rejection.invalid(Credentials.NAME_PROBLEM));
            }
        }
        String email = user.email();
        if (changes.email() != null) {
            email = Credentials.normaliseEmail(changes.email());
            String problem = Credentials.emailProblem(email);
            if (problem != null) {
                return Result.rejected(Rejection.invalid(problem));
            }
            String wanted = email;
            if (users.findByEmail(wanted).filter(other -> !other.id().equals(user.id())).isPresent()) {
                return Result.rejected(Credentials.emailTaken(actor, wanted));
            }
        }
        Role role = changes.role() == null ? user.role() : changes.role();
        if (role != user.role() && (role == Role.SUPER_ADMIN || user.role() == Role.SUPER_ADMIN)) {
            return Result.rejected(Rejection.invalid(
                    "only teacher and school_manager can be exchanged, within a school"));
        }
        if (role != user.role() && !(policy.canCreateUser(actor, user.role(), user.schoolId())
                && policy.canCreateUser(actor, role, user.schoolId()))) {
            return Result.rejected(Rejection.forbidden("only a super admin makes or unmakes school managers"));
        }
        boolean active = changes.active() == null ? user.active() : changes.active();
        if (!active && user.id().equals(actor.userId())) {
            return Result.rejected(Rejection.invalid("you cannot deactivate your own account"));
        }
        if (isActiveManager(user) && !(active && role == Role.SCHOOL_MANAGER) && isLastActiveManager(user)) {
            return Result.rejected(Rejection.conflict(user.displayName()
                    + " is the last active manager of the school; make someone else a manager first"));
        }
        return Result.ok(new User(user.id(), user.schoolId(), email, name, role, user.passwordHash(), active,
                user.mustChangePassword(), user.createdAt(), user.externalId()));
    }

    private static boolean isActiveManager(User user) {
        return user.active() && user.role() == Role.SCHOOL_MANAGER;
    }

    private boolean isLastActiveManager(User manager) {
        return users.list(manager.schoolId()).stream()
                .noneMatch(u -> !u.id().equals(manager.id()) && isActiveManager(u));
    }
}
