package org.classreflect.core.accesslog;

import jakarta.inject.Inject;
import java.time.Clock;

/** Removes access log entries older than the log's own retention period; returns how many went. */
public final class ApplyAccessLogRetention {

    private final AccessLog log;
    private final AccessLogSettings settings;
    private final Clock clock;

    @Inject
    public ApplyAccessLogRetention(AccessLog log, AccessLogSettings settings, Clock clock) {
        this.log = log;
        this.settings = settings;
        this.clock = clock;
    }

    public int execute() {
        return log.deleteBefore(clock.instant().minus(settings.retention()));
    }
}
