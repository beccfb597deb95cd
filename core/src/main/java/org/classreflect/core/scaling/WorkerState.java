package org.classreflect.core.scaling;

/** Where a worker host is in its life, as the fleet reports it. */
public enum WorkerState {
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED
}
