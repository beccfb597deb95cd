package org.classreflect.core.queue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renews a lease at half-time while long work runs (a lesson transcribed, an analysis judged by a language model), so
 * that no other worker takes the work over; closing it stops the renewals. A failed renewal is logged and tried
 * again at the next beat.
 */
public final class Heartbeat implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    private final ScheduledExecutorService timer;

    /** Runs {@code renew} every half {@code lease}, first after half a lease. */
    public Heartbeat(String name, Duration lease, Runnable renew) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heartbeat-" + name);
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, lease.toMillis() / 2);
        timer.scheduleAtFixedRate(() -> {
            try {
                renew.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not renew the lease of " + name, e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** Keeps a queue job hidden from other workers. */
    public static Heartbeat forJob(JobQueue queue, Lease lease, Duration visibility) {
        return new Heartbeat("job-" + lease.job().recordingId(), visibility, () -> queue.extend(lease, visibility));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
