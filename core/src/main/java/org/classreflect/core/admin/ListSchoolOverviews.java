package org.classreflect.core.admin;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Schools;

/** Every school with its teachers, managers and recordings counted: the super admin's list of schools. */
public final class ListSchoolOverviews {

    private final Schools schools;
    private final UsageStatistics statistics;
    private final AccessPolicy policy;

    @Inject
    public ListSchoolOverviews(Schools schools, UsageStatistics statistics, AccessPolicy policy) {
        this.schools = schools;
        this.statistics = statistics;
        this.policy = policy;
    }

    public Result<List<SchoolOverview>> execute(Actor actor) {
        if (!policy.canAdministerSystem(actor)) {
            return Result.rejected(Rejection.forbidden("only a super admin can see every school's figures"));
        }
        Map<String, SchoolCounts> counts = statistics.countsBySchool();
        return Result.ok(schools.list().stream()
                .map(s -> new SchoolOverview(s, counts.getOrDefault(s.id(), SchoolCounts.NONE)))
                .toList());
    }
}
