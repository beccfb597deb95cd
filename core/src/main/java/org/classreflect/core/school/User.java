package org.classreflect.core.school;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in. Teachers and school managers belong to exactly one school; super admins to none.
 * The email is stored lower-cased, so it is unique regardless of how it was typed.
 *
 * <p>{@code externalId} is the user's id in an embedding host's own system (see {@link UpsertUser}), or null; when set
 * it is unique among users. A user made by the host has {@link #NO_PASSWORD} as password hash: they are signed in by
 * the host, never with a password here.
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
        Instant createdAt,
        String externalId) {

    /** The password hash of a user who has no password: no password matches it, so password sign-in always fails. */
    public static final String NO_PASSWORD = "";

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

    /** False for users without a password (made by an embedding host): they never sign in with a password. */
    public boolean hasPassword() {
        return !passwordHash.isEmpty();
    }

    public Actor asActor() {
        return new Actor(id, role, schoolId);
    }
}
