package org.classreflect.core.admin;

import java.util.List;

/** Port: the worker loops this process runs itself (local mode), as opposed to a fleet of worker hosts. */
public interface InProcessWorkers {

    /** A worker loop that ended by itself (an error no job could catch), not because it was told to stop. */
    record DeadWorker(String name, String cause) {
    }

    int running();

    /** The loops of this process that ended without being stopped, oldest first. */
    List<DeadWorker> dead();
}
