package org.classreflect.core.apitoken;

import java.time.Instant;
import java.util.Objects;

/**
 * A personal token a user made for a program, at the user's token version then ({@code userTokenVersion}): it stops
 * working once that version is bumped.
 * Only the SHA-256 of its secret is kept; the secret is shown once.
 */
public record ApiToken(String id, String userId, String name, String secretHash, Instant createdAt,
                       Instant lastUsedAt, long userTokenVersion) {

    /** A token made at the user's token version 0. */
    public ApiToken(String id, String userId, String name, String secretHash, Instant createdAt, Instant lastUsedAt) {
        this(id, userId, name, secretHash, createdAt, lastUsedAt, 0);
    }

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
