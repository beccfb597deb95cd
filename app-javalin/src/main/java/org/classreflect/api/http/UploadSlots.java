package org.classreflect.api.http;

import io.javalin.http.Context;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code maxConcurrentUploads} multipart uploads are received at once; another gets 503 with Retry-After and
 * the number in progress at once, rather than waiting in a queue on a thread (each one holds a thread while it reads).
 */
public final class UploadSlots {

    private static final String HELD = UploadSlots.class.getName() + ".held";

    private final Semaphore slots;
    private final int max;
    private final AtomicInteger refusedSinceFree = new AtomicInteger();
    private final long retryAfterSeconds;

    public UploadSlots(HttpLimits limits) {
        this.max = Math.max(1, limits.maxConcurrentUploads());
        this.slots = new Semaphore(max);
        this.retryAfterSeconds = limits.retryAfterSeconds();
    }

    /** The 503 body: the usual error shape, with how many uploads are in progress and how many were turned away. */
    public record BusyBody(String error, String message, int inProgress, int waiting, long retryAfterSeconds) {
    }

    /** Thrown by {@link #enter} when every slot is taken; answered 503 with Retry-After. */
    public static final class Busy extends RuntimeException {
        private final transient BusyBody body;

        Busy(BusyBody body) {
            super(body.message(), null, false, false);
            this.body = body;
        }

        public BusyBody body() {
            return body;
        }
    }

    public void enter(Context ctx) {
        if (!"POST".equals(ctx.req().getMethod())) {
            return;
        }
        if (!slots.tryAcquire()) {
            int waiting = refusedSinceFree.incrementAndGet();
            throw new Busy(new BusyBody("busy", max + " uploads are being received; try again in "
                    + retryAfterSeconds + " s", max - slots.availablePermits(), waiting, retryAfterSeconds));
        }
        ctx.attribute(HELD, Boolean.TRUE);
    }

    public void leave(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(HELD))) {
            ctx.attribute(HELD, null);
            slots.release();
            refusedSinceFree.set(0);
        }
    }
}
