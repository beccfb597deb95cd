package org.classreflect.testfixtures.builders;

import java.time.Instant;

/** Fixed instants with milliseconds, so round trips are checked to the millisecond. */
public final class Times {

    public static final Instant T0 = Instant.parse("2026-03-02T08:15:30.123Z");

    private Times() {
    }

    public static Instant minutesAfterT0(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }
}
