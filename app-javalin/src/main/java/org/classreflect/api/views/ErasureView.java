package org.classreflect.api.views;

import java.time.Instant;
import org.classreflect.core.erasure.ErasureReceipt;
import org.classreflect.core.erasure.ErasureRequest;

/** An erasure request and, once counted, its receipt. */
public record ErasureView(String id, String kind, String subjectId, String schoolId, String requestedBy,
                          Instant requestedAt, String status, ErasureReceipt receipt, Instant completedAt) {

    public static ErasureView of(ErasureRequest r) {
        return new ErasureView(r.id(), r.kind().wireName(), r.subjectId(), r.schoolId(), r.requestedBy(),
                r.requestedAt(), r.completed() ? "completed" : "in_progress", r.receipt(), r.completedAt());
    }
}
