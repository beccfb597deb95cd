package org.classreflect.core.school;

import jakarta.inject.Inject;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

public final class RenameSchool {

    public record Command(String schoolId, String name) {
    }

    private final Schools schools;
    private final AccessPolicy policy;

    @Inject
    public RenameSchool(Schools schools, AccessPolicy policy) {
        this.schools = schools;
        this.policy = policy;
    }

    public Result<School> execute(Actor actor, Command command) {
        if (!policy.canAdministerSystem(actor)) {
            return Result.rejected(Rejection.forbidden("only a super admin can rename schools"));
        }
        School school = schools.find(command.schoolId()).orElse(null);
        if (school == null) {
            return Result.rejected(Rejection.notFound("school"));
        }
        String name = CreateSchool.cleanName(command.name());
        if (name == null) {
            return Result.rejected(Rejection.invalid(CreateSchool.NAME_RULE));
        }
        if (name.equals(school.name())) {
            return Result.ok(school);
        }
        if (schools.findByName(name).isPresent()) {
            return Result.rejected(Rejection.conflict("a school named '" + name + "' already exists"));
        }
        schools.rename(school.id(), name);
        return Result.ok(new School(school.id(), name, school.createdAt(), school.externalId()));
    }
}
