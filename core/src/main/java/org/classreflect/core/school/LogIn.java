package org.classreflect.core.school;

import jakarta.inject.Inject;
import java.util.Optional;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

public final class LogIn {

    public record Command(String email, String password) {
    }

    public record Session(TokenService.AccessToken token, User user) {
    }

    private static final String WRONG = "email or password is wrong";

    private final Users users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final String decoyHash;

    @Inject
    public LogIn(Users users, PasswordHasher hasher, TokenService tokens) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.decoyHash = hasher.hash("decoy password for unknown emails");
    }

    public Result<Session> execute(Command command) {
        String email = Credentials.normaliseEmail(command.email());
        String password = command.password() == null ? "" : command.password();
        Optional<User> found = users.findByEmail(email);
        if (found.isEmpty()) {
            // Spend the same time as for a real account, so response times do not reveal which emails exist.
            hasher.verify(password, decoyHash);
            return Result.rejected(Rejection.Reason.UNAUTHENTICATED, WRONG);
        }
        User user = found.get();
        if (!user.hasPassword()) {
            // Signed in by an embedding host only. Never ask the hasher about the empty hash: no password may match.
            hasher.verify(password, decoyHash);
            return Result.rejected(Rejection.Reason.UNAUTHENTICATED, WRONG);
        }
        if (!hasher.verify(password, user.passwordHash()) || !user.active()) {
            return Result.rejected(Rejection.Reason.UNAUTHENTICATED, WRONG);
        }
        return Result.ok(new Session(tokens.issue(user.asActor()), user));
    }
}
