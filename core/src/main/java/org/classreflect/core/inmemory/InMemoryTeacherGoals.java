package org.classreflect.core.inmemory;

import static org.classreflect.core.inmemory.ConstraintViolationException.require;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classreflect.core.report.TeacherGoals;

/** Each existing user's chosen criteria in memory; a user that does not exist cannot have any, as in SQL. */
final class InMemoryTeacherGoals implements TeacherGoals {

    private final StoreLock lock;
    private final InMemoryUsers users;
    private final Map<String, List<String>> byTeacher = new HashMap<>();

    InMemoryTeacherGoals(StoreLock lock, InMemoryUsers users) {
        this.lock = lock;
        this.users = users;
    }

    @Override
    public List<String> find(String teacherId) {
        return lock.read(() -> byTeacher.getOrDefault(teacherId, List.of()));
    }

    @Override
    public void save(String teacherId, List<String> criteria) {
        List<String> copy = List.copyOf(criteria);
        lock.write(() -> {
            require(users.has(teacherId), "teacher_goals: no user " + teacherId);
            byTeacher.put(teacherId, copy);
        });
    }

    /** Under the caller's write lock, as the account goes. */
    void removeForUser(String teacherId) {
        byTeacher.remove(teacherId);
    }
}
