package org.classreflect.api.http;

import java.time.Duration;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;

/** How much the HTTP server lets clients hold: connections, requests at once, slow bodies, uploads at once. */
public record HttpLimits(Duration idleTimeout, long minReadBytesPerSecond, Duration minReadGrace, int maxConnections,
                         int maxRequests, Duration queueWait, int maxQueued, Duration retryAfter,
                         int maxConcurrentUploads, boolean trustForwardedHeaders) {

    public static HttpLimits from(Settings s) {
        return new HttpLimits(s.duration(Setting.HTTP_IDLE_TIMEOUT), s.integer(Setting.HTTP_MIN_READ_RATE),
                s.duration(Setting.HTTP_MIN_READ_GRACE), s.integer(Setting.HTTP_MAX_CONNECTIONS),
                s.integer(Setting.HTTP_MAX_REQUESTS), s.duration(Setting.HTTP_QUEUE_WAIT),
                s.integer(Setting.HTTP_MAX_QUEUED), s.duration(Setting.HTTP_RETRY_AFTER),
                s.integer(Setting.MAX_CONCURRENT_UPLOADS),
                Boolean.parseBoolean(s.text(Setting.TRUST_FORWARDED_HEADERS).trim()));
    }

    /** Whole seconds for a Retry-After header, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
