package org.classreflect.core.erasure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the erasure requests, kept so an erasure a crash interrupted is finished by the next start. */
public interface ErasureRequests {

    void insert(ErasureRequest request);

    Optional<ErasureRequest> find(String id);

    /** Requests not completed yet, oldest first. */
    List<ErasureRequest> listUnfinished();

    /** Requests about one school (null: every school), newest first. */
    List<ErasureRequest> list(String schoolId);

    /** Keeps the receipt if the request has none yet; false when it had one (the first inventory stands). */
    boolean recordReceipt(String id, ErasureReceipt receipt);

    void markCompleted(String id, Instant at);
}
