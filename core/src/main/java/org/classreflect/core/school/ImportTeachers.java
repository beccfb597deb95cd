package org.classreflect.core.school;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

/**
 * Many accounts at once, from rows a spreadsheet gave (the API reads the CSV). Every row is checked first; a single
 * problem anywhere means nothing is created and every problem is reported with its row and column. A clean file
 * creates all accounts together, each with a temporary password shown once and to be replaced at first sign-in.
 */
public final class ImportTeachers {

    public static final int MAX_ROWS = 200;
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String ROLE = "role";

    /** One data row; {@code row} is its number in the file (the header is row 1); a blank role means teacher. */
    public record Row(long row, String name, String email, String role) {
    }

    public record Problem(long row, String column, String message) {
    }

    public record Imported(User user, String temporaryPassword) {
    }

    /** Either accounts were created, or problems were found and nothing was. */
    public record Report(List<Imported> created, List<Problem> problems) {

        public boolean refused() {
            return !problems.isEmpty();
        }
    }

    private final Users users;
    private final Schools schools;
    private final PasswordHasher hasher;
    private final AccessPolicy policy;
    private final Clock clock;

    @Inject
    public ImportTeachers(Users users, Schools schools, PasswordHasher hasher, AccessPolicy policy, Clock clock) {
        this.users = users;
        this.schools = schools;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
    }

    /** Whether the actor may import into the school at all: asked before a file is even read. */
    public boolean mayImport(Actor actor, String schoolId) {
        return policy.canCreateUser(actor, Role.TEACHER, schoolFor(actor, schoolId));
    }

    /** {@code schoolId} counts only for super admins; a school manager always imports into their own school. */
    public Result<Report> execute(Actor actor, String schoolId, List<Row> rows) {
        String school = schoolFor(actor, schoolId);
        if (!mayImport(actor, schoolId)) {
            return Result.rejected(Rejection.forbidden("you may not create accounts in that school"));
        }
        if (school == null || schools.find(school).isEmpty()) {
            return Result.rejected(Rejection.invalid("choose the school to import into"));
        }
        if (rows.isEmpty()) {
            return Result.rejected(Rejection.invalid("the file has no rows below its header"));
        }
        if (rows.size() > MAX_ROWS) {
            return Result.rejected(Rejection.invalid("at most " + MAX_ROWS + " rows per file; split it"));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        List<User> accounts = new ArrayList<>();
        for (Row row : rows) {
            String name = Credentials.displayName(row.name());
            if (name == null) {
                problems.add(new Problem(row.row(), NAME, row.name() == null || row.name().isBlank()
                        ? "the name is missing" : Credentials.NAME_PROBLEM));
            }
            String email = Credentials.normaliseEmail(row.email());
            String emailProblem = email.isEmpty() ? "the email is missing" : Credentials.emailProblem(email);
            Long earlier = seen.putIfAbsent(email, row.row());
            if (emailProblem == null && earlier != null) {
                emailProblem = email + " is already on row " + earlier;
            }
            if (emailProblem == null && users.findByEmail(email).isPresent()) {
                emailProblem = Credentials.emailTaken(actor, email).message();
            }
            if (emailProblem != null) {
                problems.add(new Problem(row.row(), EMAIL, emailProblem));
            }
            Role role = row.role() == null || row.role().isBlank() ? Role.TEACHER
                    : Role.fromWireName(row.role().strip().toLowerCase(Locale.ROOT)).orElse(null);
            if (role == null || role == Role.SUPER_ADMIN) {
                problems.add(new Problem(row.row(), ROLE, "the role must be teacher or school_manager"));
            } else if (!policy.canCreateUser(actor, role, school)) {
                problems.add(new Problem(row.row(), ROLE, "you may not create a " + role.wireName()));
            }
            if (name != null && role != null) {
                accounts.add(new User(Ids.newId(), school, email, name, role, User.NO_PASSWORD, true, true,
                        clock.instant(), null));
            }
        }
        if (!problems.isEmpty()) {
            return Result.ok(new Report(List.of(), problems));
        }
        List<Imported> created = accounts.stream().map(u -> {
            String password = TemporaryPasswords.generate();
            return new Imported(new User(u.id(), u.schoolId(), u.email(), u.displayName(), u.role(),
                    hasher.hash(password), true, true, u.createdAt(), null), password);
        }).toList();
        users.insertAll(created.stream().map(Imported::user).toList());
        return Result.ok(new Report(created, List.of()));
    }

    private static String schoolFor(Actor actor, String schoolId) {
        return actor.is(Role.SCHOOL_MANAGER) ? actor.schoolId() : schoolId;
    }
}
