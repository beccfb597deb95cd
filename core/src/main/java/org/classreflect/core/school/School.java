package org.classreflect.core.school;

import java.time.Instant;
import java.util.Objects;

/**
 * A school. {@code externalId} is the school's id in an embedding host's own system (see {@link UpsertSchool}), or
 * null for schools made in ClassReflect itself; when set it is unique among schools.
 */
public record School(String id, String name, Instant createdAt, String externalId) {

    public School {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
