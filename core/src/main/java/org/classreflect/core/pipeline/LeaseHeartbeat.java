package org.classreflect.core.pipeline;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.classreflect.core.storage.JobQueue;
import org.classreflect.core.storage.Lease;

/** Renews a job's lease at half-time while a long lesson is being transcribed, so no other worker takes it. */
final class LeaseHeartbeat implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseHeartbeat.class.getName());

    private final ScheduledExecutorService timer;

    LeaseHeartbeat(JobQueue queue, Lease lease, Duration visibility) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-heartbeat-" + lease.job().recordingId());
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, visibility.toMillis() / 2);
        timer.scheduleAtFixedRate(() -> {
            try {
                queue.extend(lease, visibility);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not extend the lease of " + lease.job().recordingId(), e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
