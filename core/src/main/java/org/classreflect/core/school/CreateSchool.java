package org.classreflect.core.school;

import jakarta.inject.Inject;
import java.time.Clock;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

public final class CreateSchool {

    static final String NAME_RULE = "school name must have 1 to 200 characters";

    public record Command(String name) {
    }

    private final Schools schools;
    private final AccessPolicy policy;
    private final Clock clock;

    @Inject
    public CreateSchool(Schools schools, AccessPolicy policy, Clock clock) {
        this.schools = schools;
        this.policy = policy;
        this.clock = clock;
    }

    public Result<School> execute(Actor actor, Command command) {
        if (!policy.canCreateSchool(actor)) {
            return Result.rejected(Rejection.forbidden("only a super admin can create schools"));
        }
        String name = cleanName(command.name());
        if (name == null) {
            return Result.rejected(Rejection.invalid(NAME_RULE));
        }
        if (schools.findByName(name).isPresent()) {
            return Result.rejected(Rejection.conflict("a school named '" + name + "' already exists"));
        }
        School school = new School(Ids.newId(), name, clock.instant(), null);
        schools.insert(school);
        return Result.ok(school);
    }

    /** The name trimmed, or null when it breaks {@link #NAME_RULE}. */
    static String cleanName(String raw) {
        String name = raw == null ? "" : raw.trim();
        return name.isEmpty() || name.length() > 200 ? null : name;
    }
}
