package org.classreflect.core.queue;

import java.time.Duration;
import java.util.Optional;

/**
 * Port: at-least-once delivery of jobs. A received job is leased: hidden from other receivers for the queue's
 * visibility timeout, then delivered again unless it was acknowledged. A message received more often than the
 * queue's limit is moved to the dead-letter queue instead of being delivered again.
 */
public interface JobQueue {

    void enqueue(Job job);

    /** Waits up to {@code maxWait} for a job (long polling); empty when none arrived. */
    Optional<Lease> receive(Duration maxWait) throws InterruptedException;

    /** Keeps the job hidden for {@code visibility} from now (a heartbeat for long jobs). */
    void extend(Lease lease, Duration visibility);

    /** The job is done: it is never delivered again. */
    void ack(Lease lease);

    /** Gives the job back; it becomes visible again after {@code delay} (zero: at once). */
    void release(Lease lease, Duration delay);

    /** Gives up on the job: it moves to the dead-letter queue with the reason. */
    void deadLetter(Lease lease, String reason);

    QueueSnapshot snapshot();
}
