package org.classreflect.core.health;

/** One dependency that must work for the service to be ready (database, audio store, transcriber...). */
public interface HealthProbe {

    record Status(boolean up, String detail) {
    }

    String name();

    Status check();
}
