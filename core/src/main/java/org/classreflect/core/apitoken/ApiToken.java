package org.classreflect.core.apitoken;

import java.time.Instant;
import java.util.Objects;

/** A personal token a user made for a program. Only the SHA-256 of its secret is kept; the secret is shown once. */
public record ApiToken(String id, String userId, String name, String secretHash, Instant createdAt,
                       Instant lastUsedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
