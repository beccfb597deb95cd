package org.classreflect.api.export;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far the exports being streamed have got, by a token the client chose when it asked for one, so a page can show
 * progress while the download runs. Kept in this process for a few minutes after an export ends.
 */
@Singleton
public final class ExportProgress {

    private static final Duration KEPT = Duration.ofMinutes(5);

    /** Lessons written of the total; {@code finished} once the archive is complete. */
    public record Status(String userId, long lessonsWritten, long lessons, boolean finished, Instant updatedAt) {
    }

    private final Map<String, Status> byToken = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public ExportProgress(Clock clock) {
        this.clock = clock;
    }

    public void update(String token, String userId, long written, long total, boolean finished) {
        if (token == null) {
            return;
        }
        Instant now = clock.instant();
        byToken.values().removeIf(s -> s.updatedAt().plus(KEPT).isBefore(now));
        byToken.put(token, new Status(userId, written, total, finished, now));
    }

    /** The status under the token, for the user who started that export only. */
    public Optional<Status> find(String token, String userId) {
        return Optional.ofNullable(byToken.get(token)).filter(s -> s.userId().equals(userId));
    }
}
