package org.classreflect.core.accesslog;

import java.time.Duration;
import java.util.Objects;

/** @param retention how long an access log entry is kept (its own period, apart from the data it names) */
public record AccessLogSettings(Duration retention) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);

    public AccessLogSettings {
        Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("the access log must be kept at least one day");
        }
    }
}
