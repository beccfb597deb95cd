package org.classreflect.sdk.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read /metrics: whoever sends {@code Authorization: Bearer METRICS_TOKEN}. Without a token only a listener of
 * its own (METRICS_PORT, bound to METRICS_HOST) serves it, to whoever can reach that address; the API's public port
 * then has no /metrics at all.
 */
public final class MetricsAccess {

    private final Optional<byte[]> token;

    public MetricsAccess(Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    public boolean tokenRequired() {
        return token.isPresent();
    }

    /** Whether a request with this Authorization header (null when absent) may read the metrics. */
    public boolean allows(String authorization) {
        if (token.isEmpty()) {
            return true;
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] offered = authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(offered, token.get());
    }
}
