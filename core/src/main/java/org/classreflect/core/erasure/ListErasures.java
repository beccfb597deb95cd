package org.classreflect.core.erasure;

import jakarta.inject.Inject;
import java.util.List;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;

/** The erasures and their receipts: a super admin sees every school's, a school manager their school's. */
public final class ListErasures {

    private final ErasureRequests requests;

    @Inject
    public ListErasures(ErasureRequests requests) {
        this.requests = requests;
    }

    public Result<List<ErasureRequest>> execute(Actor actor) {
        return switch (actor.role()) {
            case SUPER_ADMIN -> Result.ok(requests.list(null));
            case SCHOOL_MANAGER -> Result.ok(requests.list(actor.schoolId()));
            case TEACHER -> Result.rejected(Rejection.forbidden("teachers do not see erasures"));
        };
    }

    /** One request, when the actor may see it. */
    public Result<ErasureRequest> get(Actor actor, String id) {
        return requests.find(id)
                .filter(r -> actor.is(Role.SUPER_ADMIN) || actor.is(Role.SCHOOL_MANAGER)
                        && r.schoolId().equals(actor.schoolId()))
                .<Result<ErasureRequest>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("erasure")));
    }
}
