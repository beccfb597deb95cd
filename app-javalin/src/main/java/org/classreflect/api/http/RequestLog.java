package org.classreflect.api.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.classreflect.core.telemetry.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is a plain token, else a new one), puts it in
 * the log context of the request's thread and in the answer's header, and logs one line per request: every answer
 * of 400 and above, and one in {@code LOG_REQUEST_SAMPLE} of the others. The upload puts the same id into the job, so
 * the worker's lines for that recording carry it too.
 */
public final class RequestLog {

    public static final String HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    /** A caller's id is taken only if it cannot forge log lines or carry much: letters, digits, '-', '_', '.'. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private final int sampleOneIn;
    private final AtomicLong successes = new AtomicLong();

    public RequestLog(int sampleOneIn) {
        if (sampleOneIn < 0) {
            throw new IllegalArgumentException("LOG_REQUEST_SAMPLE must be 0 or more");
        }
        this.sampleOneIn = sampleOneIn;
    }

    public void begin(Context ctx) {
        String offered = ctx.header(HEADER);
        String id = offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        MDC.put(LogContext.REQUEST_ID, id);
        ctx.header(HEADER, id);
    }

    /** Called once the answer is sent; also ends the thread's log context for this request. */
    public void end(Context ctx, float millis) {
        try {
            int status = ctx.statusCode();
            if (status >= 500) {
                LOG.warn("{} {} answered {} in {} ms", ctx.method(), ctx.path(), status, Math.round(millis));
            } else if (status >= 400) {
                LOG.info("{} {} answered {} in {} ms", ctx.method(), ctx.path(), status, Math.round(millis));
            } else if (sampleOneIn > 0 && successes.getAndIncrement() % sampleOneIn == 0) {
                LOG.info("{} {} answered {} in {} ms", ctx.method(), ctx.path(), status, Math.round(millis));
            }
        } finally {
            MDC.remove(LogContext.REQUEST_ID);
        }
    }
}
