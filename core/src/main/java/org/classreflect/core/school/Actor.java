package org.classreflect.core.school;

import java.util.Objects;

/** Who is acting: the signed-in user as the access rules see them. */
public record Actor(String userId, Role role, String schoolId) {

    /** The process itself acting on first start (bootstrap, demo data): it has super admin rights. */
    public static final Actor SYSTEM = new Actor("system", Role.SUPER_ADMIN, null);

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role r) {
        return role == r;
    }
}
