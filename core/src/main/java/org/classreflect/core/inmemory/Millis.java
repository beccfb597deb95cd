package org.classreflect.core.inmemory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as the SQL stores keep them (DATETIME(3)): truncated to the millisecond, on the way in and in queries. */
final class Millis {

    private Millis() {
    }

    static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
