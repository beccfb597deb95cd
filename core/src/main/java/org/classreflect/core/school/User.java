package org.classreflect.core.school;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in. Teachers and school managers belong to exactly one school; super admins to none.
 * The email is stored lower-cased, so it is unique regardless of how it was typed.
 */
public record User(
        String id,
        String schoolId,
        String email,
        String displayName,
        Role role,
        String passwordHash,
        boolean active,
        boolean mustChangePassword,
        Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((role == Role.SUPER_ADMIN) != (schoolId == null)) {
            throw new IllegalArgumentException("super admins belong to no school; everyone else to exactly one");
        }
    }

    public Actor asActor() {
        return new Actor(id, role, schoolId);
    }
}
