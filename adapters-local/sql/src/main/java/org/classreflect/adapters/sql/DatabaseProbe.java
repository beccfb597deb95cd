package org.classreflect.adapters.sql;

import org.classreflect.core.health.HealthProbe;
import org.jdbi.v3.core.Jdbi;

/** The database answers {@code SELECT 1}. */
public final class DatabaseProbe implements HealthProbe {

    private final Jdbi jdbi;

    public DatabaseProbe(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Status check() {
        try {
            jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return new Status(true, "reachable");
        } catch (RuntimeException e) {
            return new Status(false, "unreachable: " + e.getMessage());
        }
    }
}
