package org.classreflect.core.school;

import java.time.Instant;
import java.util.Objects;

public record School(String id, String name, Instant createdAt) {

    public School {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
