package org.classreflect.core.school;

import jakarta.inject.Inject;
import java.util.List;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

public final class ListSchools {

    private final Schools schools;
    private final AccessPolicy policy;

    @Inject
    public ListSchools(Schools schools, AccessPolicy policy) {
        this.schools = schools;
        this.policy = policy;
    }

    /** Super admins see every school; everyone else sees their own. */
    public List<School> execute(Actor actor) {
        return schools.list().stream().filter(s -> policy.canSeeSchool(actor, s.id())).toList();
    }

    public Result<School> get(Actor actor, String schoolId) {
        return schools.find(schoolId)
                .filter(s -> policy.canSeeSchool(actor, s.id()))
                .<Result<School>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("school")));
    }
}
