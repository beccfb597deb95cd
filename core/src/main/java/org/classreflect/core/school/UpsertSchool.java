package org.classreflect.core.school;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

/**
 * An embedding school system (the host) makes sure ClassReflect knows one of its schools: the school with this
 * external id is created, or renamed when its name changed. Repeating the same command changes nothing.
 *
 * <p>No actor: this is the host's own identity sync, and only the trusted host process calls it (it is handed out
 * by the SDK, never exposed over HTTP). Whoever can call it can create and rename any school.
 */
public final class UpsertSchool {

    /** {@code externalId}: the host's own id of the school, kept exactly as given; {@code name}: its name. */
    public record Command(String externalId, String name) {
    }

    private final Schools schools;
    private final Clock clock;

    @Inject
    public UpsertSchool(Schools schools, Clock clock) {
        this.schools = schools;
        this.clock = clock;
    }

    public Result<School> execute(Command command) {
        String problem = ExternalIds.problem("externalId", command.externalId());
        if (problem != null) {
            return Result.rejected(Rejection.invalid(problem));
        }
        String name = CreateSchool.cleanName(command.name());
        if (name == null) {
            return Result.rejected(Rejection.invalid(CreateSchool.NAME_RULE));
        }
        Optional<School> known = schools.findByExternalId(command.externalId());
        if (known.isPresent() && known.get().name().equals(name)) {
            return Result.ok(known.get());
        }
        Optional<School> namesake = schools.findByName(name);
        if (namesake.isPresent()) {
            return Result.rejected(Rejection.conflict("a school named '" + name + "' already exists"));
        }
        if (known.isPresent()) {
            School school = known.get();
            schools.rename(school.id(), name);
            return Result.ok(new School(school.id(), name, school.createdAt(), school.externalId()));
        }
        School school = new School(Ids.newId(), name, clock.instant(), command.externalId());
        schools.insert(school);
        return Result.ok(school);
    }
}
