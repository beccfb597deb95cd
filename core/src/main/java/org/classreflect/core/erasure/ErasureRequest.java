package org.classreflect.core.erasure;

import java.time.Instant;
import java.util.Objects;
import org.classreflect.core.school.Role;

/**
 * A request to erase a teacher or a school, kept until it is done and afterwards as the record that it was: who asked
 * and when, the receipt (null until the inventory is taken, the erasure's first lasting step) and when it completed
 * (null while unfinished). It holds ids only, so it outlives the accounts it names.
 */
public record ErasureRequest(String id, ErasureKind kind, String subjectId, String schoolId, String requestedBy,
                             Role requestedByRole, Instant requestedAt, ErasureReceipt receipt, Instant completedAt) {

    public ErasureRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedByRole, "requestedByRole");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public boolean completed() {
        return completedAt != null;
    }
}
