package org.classreflect.core.admin;

/** Port: the worker loops this process runs itself (local mode), as opposed to a fleet of worker hosts. */
public interface InProcessWorkers {

    int running();
}
