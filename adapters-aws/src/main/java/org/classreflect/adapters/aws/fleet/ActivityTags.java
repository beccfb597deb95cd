package org.classreflect.adapters.aws.fleet;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.classreflect.core.scaling.WorkerInstance;
import org.classreflect.core.scaling.WorkerState;

/**
 * How a worker's self-reported activity is kept on its instance or task: two tags, {@code classreflect:busy}
 * ({@code true}/{@code false}) and {@code classreflect:idle-since} (an ISO-8601 instant, empty while busy or before
 * the first report). A worker with no usable report counts as idle since it was launched.
 */
final class ActivityTags {

    static final String BUSY = "classreflect:busy";
    static final String IDLE_SINCE = "classreflect:idle-since";

    private ActivityTags() {
    }

    static Map<String, String> reported(boolean busy, Instant since) {
        return Map.of(BUSY, String.valueOf(busy), IDLE_SINCE, busy ? "" : since.toString());
    }

    /** What a freshly started worker carries, whatever it reported in an earlier life. */
    static Map<String, String> notYetReported() {
        return Map.of(BUSY, "false", IDLE_SINCE, "");
    }

    static WorkerInstance worker(String id, WorkerState state, Map<String, String> tags, Instant launchedAt) {
        boolean busy = Boolean.parseBoolean(tags.get(BUSY));
        return new WorkerInstance(id, state, busy, busy ? null : idleSince(tags.get(IDLE_SINCE), launchedAt), launchedAt);
    }

    private static Instant idleSince(String tag, Instant launchedAt) {
        if (tag == null || tag.isEmpty()) {
            return launchedAt;
        }
        try {
            return Instant.parse(tag);
        } catch (DateTimeParseException e) {
            return launchedAt;
        }
    }
}
