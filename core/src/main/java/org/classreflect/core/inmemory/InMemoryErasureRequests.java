package org.classreflect.core.inmemory;

import static org.classreflect.core.inmemory.ConstraintViolationException.require;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classreflect.core.erasure.ErasureReceipt;
import org.classreflect.core.erasure.ErasureRequest;
import org.classreflect.core.erasure.ErasureRequests;

/** Erasure requests in memory (they outlive nothing here: a crash takes the data with them). */
final class InMemoryErasureRequests implements ErasureRequests {

    private static final Comparator<ErasureRequest> OLDEST_FIRST = Comparator.comparing(ErasureRequest::requestedAt)
            .thenComparing(ErasureRequest::id, BinaryCollation.ORDER);

    private final StoreLock lock;
    private final Map<String, ErasureRequest> byId = new HashMap<>();

    InMemoryErasureRequests(StoreLock lock) {
        this.lock = lock;
    }

    @Override
    public void insert(ErasureRequest r) {
        lock.write(() -> {
            require(!byId.containsKey(r.id()), "erasure_requests: id " + r.id() + " is taken");
            byId.put(r.id(), new ErasureRequest(r.id(), r.kind(), r.subjectId(), r.schoolId(), r.requestedBy(),
                    r.requestedByRole(), Millis.of(r.requestedAt()), r.receipt(), Millis.of(r.completedAt())));
        });
    }

    @Override
    public Optional<ErasureRequest> find(String id) {
        return lock.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public List<ErasureRequest> listUnfinished() {
        return lock.read(() -> byId.values().stream().filter(r -> !r.completed()).sorted(OLDEST_FIRST).toList());
    }

    @Override
    public List<ErasureRequest> list(String schoolId) {
        return lock.read(() -> byId.values().stream()
                .filter(r -> schoolId == null || schoolId.equals(r.schoolId()))
                .sorted(OLDEST_FIRST.reversed()).toList());
    }

    @Override
    public boolean recordReceipt(String id, ErasureReceipt receipt) {
        return lock.write(() -> {
            ErasureRequest r = byId.get(id);
            if (r == null || r.receipt() != null) {
                return false;
            }
            byId.put(id, new ErasureRequest(r.id(), r.kind(), r.subjectId(), r.schoolId(), r.requestedBy(),
                    r.requestedByRole(), r.requestedAt(), receipt, r.completedAt()));
            return true;
        });
    }

    @Override
    public void markCompleted(String id, Instant at) {
        lock.write(() -> {
            byId.computeIfPresent(id, (key, r) -> r.completed() ? r : new ErasureRequest(r.id(), r.kind(),
                    r.subjectId(), r.schoolId(), r.requestedBy(), r.requestedByRole(), r.requestedAt(), r.receipt(),
                    Millis.of(at)));
        });
    }
}
