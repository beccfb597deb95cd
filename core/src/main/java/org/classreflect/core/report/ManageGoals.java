package org.classreflect.core.report;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;

/**
 * The criteria a teacher is working on, which their progress page charts first: the teacher chooses them; whoever
 * may see the teacher (their school's managers, super admins) may read them.
 */
public final class ManageGoals {

    public static final int MOST = 5;
    static final int LONGEST_NAME = 200;

    public record Command(String teacherId, List<String> criteria) {
    }

    private final TeacherGoals goals;
    private final Users users;
    private final AccessPolicy policy;

    @Inject
    public ManageGoals(TeacherGoals goals, Users users, AccessPolicy policy) {
        this.goals = goals;
        this.users = users;
        this.policy = policy;
    }

    public Result<List<String>> get(Actor actor, String teacherId) {
        return visibleTeacher(actor, teacherId).map(teacher -> goals.find(teacher.id()));
    }

    public Result<List<String>> set(Actor actor, Command command) {
        return visibleTeacher(actor, command.teacherId()).flatMap(teacher -> {
            if (!teacher.id().equals(actor.userId())) {
                return Result.rejected(Rejection.forbidden("only the teacher chooses what they work on"));
            }
            Set<String> chosen = new LinkedHashSet<>();
            for (String name : command.criteria() == null ? List.<String>of() : command.criteria()) {
                String clean = name == null ? "" : name.strip();
                if (clean.isEmpty() || clean.length() > LONGEST_NAME) {
                    return Result.rejected(Rejection.invalid("a goal names a criterion of 1 to " + LONGEST_NAME
                            + " characters"));
                }
                chosen.add(clean);
            }
            if (chosen.size() > MOST) {
                return Result.rejected(Rejection.invalid("choose at most " + MOST + " criteria to work on"));
            }
            List<String> saved = new ArrayList<>(chosen);
            goals.save(teacher.id(), saved);
            return Result.ok(List.copyOf(saved));
        });
    }

    private Result<User> visibleTeacher(Actor actor, String teacherId) {
        return users.find(teacherId).filter(u -> policy.canSeeUser(actor, u))
                .<Result<User>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("teacher")));
    }
}
