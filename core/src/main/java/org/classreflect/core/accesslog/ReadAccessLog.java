package org.classreflect.core.accesslog;

import jakarta.inject.Inject;
import org.classreflect.core.common.Page;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The access log as the actor may see it: super admins all of it, school managers the entries about their school, a
 * teacher the entries about their own lessons and account (who opened them). The actor's filters narrow that further.
 * Each line carries the names of the person who acted and the teacher whose data it was, while their accounts exist.
 */
public final class ReadAccessLog {

    /** An entry with the names it refers to (null when the account is gone). */
    public record Line(AccessEntry entry, String actorName, String teacherName) {
    }

    private final AccessLog log;
    private final Users users;

    @Inject
    public ReadAccessLog(AccessLog log, Users users) {
        this.log = log;
        this.users = users;
    }

    public Page<Line> execute(Actor actor, AccessLogQuery filters) {
        Page<AccessEntry> page = log.find(scoped(actor, filters));
        Map<String, Optional<String>> names = new HashMap<>();
        Function<String, String> name = id -> id == null ? null : names.computeIfAbsent(id,
                key -> users.find(key).map(User::displayName)).orElse(null);
        return new Page<>(page.items().stream()
                .map(e -> new Line(e, name.apply(e.actorId()), name.apply(e.teacherId()))).toList(),
                page.total(), page.offset(), page.limit());
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
