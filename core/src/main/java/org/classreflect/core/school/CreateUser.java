package org.classreflect.core.school;

import jakarta.inject.Inject;
import java.time.Clock;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

public final class CreateUser {

    /**
     * {@code schoolId} may be left out by a school manager: their own school is meant. Without a {@code password}
     * the account gets a temporary one, to be replaced at first sign-in.
     */
    public record Command(String email, String displayName, Role role, String schoolId, String password) {
    }

    /** {@code temporaryPassword} is null when the caller chose the password; otherwise it is shown once. */
    public record Created(User user, String temporaryPassword) {
    }

    private final Users users;
    private final Schools schools;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final AccessPolicy policy;
    private final Clock clock;

    @Inject
    public CreateUser(Users users, Schools schools, PasswordHasher hasher, PasswordPolicy passwordPolicy,
                      AccessPolicy policy, Clock clock) {
        this.users = users;
        this.schools = schools;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.policy = policy;
        this.clock = clock;
    }

    public Result<Created> execute(Actor actor, Command command) {
        if (command.role() == null) {
            return Result.rejected(Rejection.invalid("role must be teacher, school_manager or super_admin"));
        }
        String schoolId = command.schoolId();
        if (schoolId == null && actor.is(Role.SCHOOL_MANAGER)) {
            schoolId = actor.schoolId();
        }
        if (!policy.canCreateUser(actor, command.role(), schoolId)) {
            return Result.rejected(Rejection.forbidden("you may not create a " + command.role().wireName()
                    + (schoolId == null ? "" : " in that school")));
        }
        if (command.role() == Role.SUPER_ADMIN && schoolId != null) {
            return Result.rejected(Rejection.invalid("a super admin belongs to no school"));
        }
        if (command.role() != Role.SUPER_ADMIN) {
            if (schoolId == null) {
                return Result.rejected(Rejection.invalid("schoolId is required for a " + command.role().wireName()));
            }
            if (schools.find(schoolId).isEmpty()) {
                return Result.rejected(Rejection.invalid("no school with id " + schoolId));
            }
        }
        String email = Credentials.normaliseEmail(command.email());
        String problem = Credentials.emailProblem(email);
        boolean temporary = command.password() == null;
        String name = Credentials.displayName(command.displayName());
        if (problem == null && name == null) {
            problem = Credentials.NAME_PROBLEM;
        }
        if (problem == null && !temporary) {
            problem = Credentials.passwordProblem(command.password(), passwordPolicy, email, name);
        }
        if (problem != null) {
            return Result.rejected(Rejection.invalid(problem));
        }
        if (users.findByEmail(email).isPresent()) {
            return Result.rejected(Credentials.emailTaken(actor, email));
        }
        String password = temporary ? TemporaryPasswords.generate() : command.password();
        User user = new User(Ids.newId(), schoolId, email, name, command.role(), hasher.hash(password), true,
                temporary, clock.instant(), null);
        users.insert(user);
        return Result.ok(new Created(user, temporary ? password : null));
    }
}
