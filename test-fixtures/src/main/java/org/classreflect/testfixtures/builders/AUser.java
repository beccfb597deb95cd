package org.classreflect.testfixtures.builders;

import org.classreflect.core.school.Role;
import org.classreflect.core.school.User;

public final class AUser {

    private AUser() {
    }

    public static User teacher(String id, String schoolId) {
        return new User(id, schoolId, id + "@school.example", "Teacher " + id, Role.TEACHER, "hash-" + id, true,
                false, Times.T0, null);
    }

    public static User manager(String id, String schoolId) {
        return new User(id, schoolId, id + "@school.example", "Manager " + id, Role.SCHOOL_MANAGER, "hash-" + id,
                true, false, Times.T0, null);
    }

    public static User superAdmin(String id) {
        return new User(id, null, id + "@admin.example", "Admin " + id, Role.SUPER_ADMIN, "hash-" + id, true, true,
                Times.T0, null);
    }
}
