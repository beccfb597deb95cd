package org.classreflect.core.school;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

public final class LogIn {

    /** {@code clientAddress} (or null) is where the attempt came from, for the per-address throttle. */
    public record Command(String email, String password, String clientAddress) {

        public Command(String email, String password) {
            this(email, password, null);
        }
    }

    public record Session(TokenService.AccessToken token, User user) {
    }

    private static final String WRONG = "email or password is wrong";

    private final Users users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final String decoyHash;

    @Inject
    public LogIn(Users users, PasswordHasher hasher, TokenService tokens, LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.decoyHash = hasher.hash("decoy password for unknown emails");
    }

    /**
     * Refused with {@link Rejection.Reason#TOO_MANY_REQUESTS} (and when to retry) while the account or the address
     * is throttled, before the password is even looked at: a right password does not get through a block either.
     */
    public Result<Session> execute(Command command) {
        String email = Credentials.normaliseEmail(command.email());
        Optional<Duration> wait = throttle.retryAfter(email, command.clientAddress());
        if (wait.isPresent()) {
            return Result.rejected(Rejection.tooManyAttempts("too many failed sign-ins; try again in "
                    + humane(wait.get()), wait.get()));
        }
        Result<Session> result = attempt(email, command.password());
        if (result.isOk()) {
            throttle.success(email);
        } else {
            throttle.failure(email, command.clientAddress());
        }
        return result;
    }

    private static String humane(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }

    private Result<Session> attempt(String email, String typed) {
        String password = typed == null ? "" : typed;
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
        return Result.ok(new Session(tokens.issue(user.asActor(), users.tokenVersion(user.id())), user));
    }
}
