package org.classreflect.core.scaling;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.queue.Lease;
import org.classreflect.core.queue.QueueSnapshot;

/**
 * The job queue of a worker host that belongs to a fleet: it tells the fleet when the worker takes its first job
 * (busy) and when it holds none any more (idle since now), so the scaler never stops a worker in the middle of a
 * lesson. A failed report is logged and never fails the job.
 */
public final class ActivityReportingJobQueue implements JobQueue {

    private static final Logger LOG = Logger.getLogger(ActivityReportingJobQueue.class.getName());

    private final JobQueue queue;
    private final WorkerFleet fleet;
    private final String workerId;
    private final Clock clock;
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    public ActivityReportingJobQueue(JobQueue queue, WorkerFleet fleet, String workerId, Clock clock) {
        this.queue = queue;
        this.fleet = fleet;
        this.workerId = workerId;
        this.clock = clock;
    }

    @Override
    public void enqueue(Job job) {
        queue.enqueue(job);
    }

    @Override
    public Optional<Lease> receive(Duration maxWait) throws InterruptedException {
        Optional<Lease> lease = queue.receive(maxWait);
        lease.ifPresent(l -> {
            synchronized (held) {
                if (held.isEmpty()) {
                    report(true);
                }
                held.add(l.receipt());
            }
        });
        return lease;
    }

    @Override
    public void extend(Lease lease, Duration visibility) {
        queue.extend(lease, visibility);
    }

    @Override
    public void ack(Lease lease) {
        queue.ack(lease);
        finished(lease);
    }

    @Override
    public void release(Lease lease, Duration delay) {
        queue.release(lease, delay);
        finished(lease);
    }

    @Override
    public void deadLetter(Lease lease, String reason) {
        queue.deadLetter(lease, reason);
        finished(lease);
    }

    @Override
    public QueueSnapshot snapshot() {
        return queue.snapshot();
    }

    private void finished(Lease lease) {
        synchronized (held) {
            if (held.remove(lease.receipt()) && held.isEmpty()) {
                report(false);
            }
        }
    }

    private void report(boolean busy) {
        try {
            fleet.reportActivity(workerId, busy, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not report to the fleet that worker " + workerId + " is "
                    + (busy ? "busy" : "idle"), e);
        }
    }
}
