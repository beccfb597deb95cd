package org.classreflect.core.school;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.classreflect.core.common.Ids;

/**
 * First start: when there is no super admin, create one. The password is taken from configuration when given;
 * otherwise a random one is generated, returned once so it can be shown, and must be changed at first sign-in.
 */
public final class BootstrapSuperAdmin {

    public record Created(User user, String generatedPassword) {
    }

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;

    @Inject
    public BootstrapSuperAdmin(Users users, PasswordHasher hasher, PasswordPolicy passwordPolicy, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.clock = clock;
    }

    public Optional<Created> execute(String email, Optional<String> configuredPassword) {
        if (users.anyWithRole(Role.SUPER_ADMIN)) {
            return Optional.empty();
        }
        String normalised = Credentials.normaliseEmail(email);
        String emailProblem = Credentials.emailProblem(normalised);
        if (emailProblem != null) {
            throw new IllegalArgumentException("admin " + emailProblem);
        }
        configuredPassword.map(p -> Credentials.passwordProblem(p, passwordPolicy, normalised, "Administrator"))
                .ifPresent(problem -> {
                    throw new IllegalArgumentException("admin password (CLASSREFLECT_ADMIN_PASSWORD): " + problem);
                });
        String password = configuredPassword.orElseGet(TemporaryPasswords::generate);
        User admin = new User(Ids.newId(), null, normalised, "Administrator", Role.SUPER_ADMIN, hasher.hash(password),
                true, configuredPassword.isEmpty(), clock.instant(), null);
        users.insert(admin);
        return Optional.of(new Created(admin, configuredPassword.isEmpty() ? password : null));
    }
}
