package org.classreflect.core.school;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

/**
 * An embedding school system (the host) makes sure ClassReflect knows one of its users: the user with this external id
 * is created in the school with {@code schoolExternalId} (see {@link UpsertSchool}), or their email, name, role and
 * status are brought up to date. Repeating the same command changes nothing.
 *
 * <p>A user made here has no password ({@link User#NO_PASSWORD}): the host signs them in and acts for them through
 * {@link ActAsHostUser}; they can never sign in to ClassReflect with a password, and nobody can give them one.
 *
 * <p>No actor: this is the host's own identity sync, and only the trusted host process calls it (it is handed out
 * by the SDK, never exposed over HTTP). The host's word is final, so the rules for managers that
 * {@link ManageUser} enforces (such as keeping an active manager per school) do not apply here.
 */
public final class UpsertUser {

    /**
     * {@code role} is teacher or school manager (super admins are not the host's to make); {@code active} false
     * deactivates the user: they keep their recordings but can no longer be acted as.
     */
    public record Command(String schoolExternalId, String externalId, String email, String displayName, Role role,
                          boolean active) {

        /** An active user. */
        public Command(String schoolExternalId, String externalId, String email, String displayName, Role role) {
            this(schoolExternalId, externalId, email, displayName, role, true);
        }
    }

    private final Users users;
    private final Schools schools;
    private final Clock clock;

    @Inject
    public UpsertUser(Users users, Schools schools, Clock clock) {
        this.users = users;
        this.schools = schools;
        this.clock = clock;
    }

    public Result<User> execute(Command command) {
        String problem = ExternalIds.problem("externalId", command.externalId());
        if (problem == null) {
            problem = ExternalIds.problem("schoolExternalId", command.schoolExternalId());
        }
        if (problem == null && (command.role() == null || command.role() == Role.SUPER_ADMIN)) {
            problem = "role must be teacher or school_manager";
        }
        String email = Credentials.normaliseEmail(command.email());
        if (problem == null) {
            problem = Credentials.emailProblem(email);
        }
        String name = Credentials.displayName(command.displayName());
        if (problem == null && name == null) {
            problem = Credentials.NAME_PROBLEM;
        }
        if (problem != null) {
            return Result.rejected(Rejection.invalid(problem));
        }
        School school = schools.findByExternalId(command.schoolExternalId()).orElse(null);
        if (school == null) {
            return Result.rejected(Rejection.notFound("school"));
        }
        Optional<User> known = users.findByExternalId(command.externalId());
        if (known.isPresent() && !school.id().equals(known.get().schoolId())) {
            return Result.rejected(Rejection.conflict("user " + command.externalId()
                    + " belongs to another school; users do not move between schools"));
        }
        String id = known.map(User::id).orElse(null);
        if (users.findByEmail(email).filter(other -> !other.id().equals(id)).isPresent()) {
            return Result.rejected(Rejection.conflict("a user with email " + email + " already exists"));
        }
        if (known.isPresent()) {
            User user = known.get();
            User updated = new User(user.id(), user.schoolId(), email, name, command.role(), user.passwordHash(),
                    command.active(), user.mustChangePassword(), user.createdAt(), user.externalId());
            if (!updated.equals(user)) {
                users.update(updated);
            }
            return Result.ok(updated);
        }
        User user = new User(Ids.newId(), school.id(), email, name, command.role(), User.NO_PASSWORD,
                command.active(), false, clock.instant(), command.externalId());
        users.insert(user);
        return Result.ok(user);
    }
}
