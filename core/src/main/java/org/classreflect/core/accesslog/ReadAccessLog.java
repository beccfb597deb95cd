package org.classreflect.core.accesslog;

import jakarta.inject.Inject;
import org.classreflect.core.common.Page;
import org.classreflect.core.school.Actor;

/**
 * The access log as the actor may see it: super admins all of it, school managers the entries about their school, a
 * teacher the entries about their own lessons and account (who opened them). The actor's filters narrow that further.
 */
public final class ReadAccessLog {

    private final AccessLog log;

    @Inject
    public ReadAccessLog(AccessLog log) {
        this.log = log;
    }

    public Page<AccessEntry> execute(Actor actor, AccessLogQuery filters) {
        return log.find(scoped(actor, filters));
    }

    static AccessLogQuery scoped(Actor actor, AccessLogQuery q) {
        return switch (actor.role()) {
            case SUPER_ADMIN -> q;
            case SCHOOL_MANAGER -> new AccessLogQuery(actor.schoolId(), q.teacherId(), q.actorId(), q.action(),
                    q.from(), q.to(), q.page());
            case TEACHER -> new AccessLogQuery(null, actor.userId(), q.actorId(), q.action(), q.from(), q.to(),
                    q.page());
        };
    }
}
