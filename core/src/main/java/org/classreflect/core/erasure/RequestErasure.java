package org.classreflect.core.erasure;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;

/**
 * Asks for a teacher's erasure (by a super admin or the teacher's school manager) or a school's (by a super admin).
 * The request is stored before anything is removed, so {@link CarryOutErasure} can finish it after a crash; asking
 * again while one is unfinished returns that one.
 */
public final class RequestErasure {

    public record Command(ErasureKind kind, String subjectId) {

        public Command {
            Objects.requireNonNull(kind, "kind");
        }
    }

    private final ErasureRequests requests;
    private final Users users;
    private final Schools schools;
    private final AccessPolicy policy;
    private final Clock clock;

    @Inject
    public RequestErasure(ErasureRequests requests, Users users, Schools schools, AccessPolicy policy, Clock clock) {
        this.requests = requests;
        this.users = users;
        this.schools = schools;
        this.policy = policy;
        this.clock = clock;
    }

    public Result<ErasureRequest> execute(Actor actor, Command command) {
        if (command.subjectId() == null || command.subjectId().isBlank()) {
            return Result.rejected(Rejection.invalid("name the " + command.kind().wireName() + " to erase"));
        }
        Result<String> school = command.kind() == ErasureKind.TEACHER
                ? schoolOfTeacher(actor, command.subjectId()) : school(actor, command.subjectId());
        return school.map(schoolId -> pending(command).orElseGet(() -> {
            ErasureRequest request = new ErasureRequest(Ids.newId(), command.kind(), command.subjectId(), schoolId,
                    actor.userId(), actor.role(), clock.instant(), null, null);
            requests.insert(request);
            return request;
        }));
    }

    private Optional<ErasureRequest> pending(Command command) {
        return requests.listUnfinished().stream()
                .filter(r -> r.kind() == command.kind() && r.subjectId().equals(command.subjectId())).findFirst();
    }

    private Result<String> schoolOfTeacher(Actor actor, String userId) {
        Optional<User> user = users.find(userId).filter(u -> policy.canSeeUser(actor, u));
        if (user.isEmpty()) {
            return Result.rejected(Rejection.notFound("teacher"));
        }
        if (user.get().role() != Role.TEACHER) {
            return Result.rejected(Rejection.invalid("only a teacher's account is erased on its own; a manager's "
                    + "account goes with their school, or after they are made a teacher"));
        }
        if (!policy.canManageUser(actor, user.get())) {
            return Result.rejected(Rejection.forbidden("only the teacher's school manager or a super admin may "
                    + "erase a teacher"));
        }
        return Result.ok(user.get().schoolId());
    }

    private Result<String> school(Actor actor, String schoolId) {
        if (!policy.canAdministerSystem(actor)) {
            return Result.rejected(Rejection.forbidden("only a super admin may erase a school"));
        }
        return schools.find(schoolId).<Result<String>>map(s -> Result.ok(s.id()))
                .orElseGet(() -> Result.rejected(Rejection.notFound("school")));
    }
}
