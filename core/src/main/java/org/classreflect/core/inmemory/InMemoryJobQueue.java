package org.classreflect.core.inmemory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.queue.Lease;
import org.classreflect.core.queue.QueueSnapshot;

/**
 * A queue inside the process with SQS semantics: leases by visibility timeout, a fresh receipt per delivery (only
 * the latest receipt can ack, extend, release or dead-letter), and redrive to a dead-letter list once a message was
 * delivered {@code maxReceives} times. Visibility is judged by the clock; a long poll waits in real time.
 */
public final class InMemoryJobQueue implements JobQueue {

    /** Longest a waiting receiver sleeps before looking again, in case the clock moved without a signal. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Duration visibility;
    private final int maxReceives;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    public InMemoryJobQueue(Duration visibility, int maxReceives, Clock clock) {
        if (visibility.isNegative() || visibility.isZero()) {
            throw new IllegalArgumentException("visibility must be positive");
        }
        if (maxReceives < 1) {
            throw new IllegalArgumentException("maxReceives must be at least 1");
        }
        this.visibility = visibility;
        this.maxReceives = maxReceives;
        this.clock = clock;
    }

    @Override
    public void enqueue(Job job) {
        lock.lock();
        try {
            Instant now = clock.instant();
            Message message = new Message(job, now);
            messages.put(message.id, message);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Lease> receive(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        lock.lockInterruptibly();
        try {
            while (true) {
                Optional<Lease> lease = deliverFirstVisible();
                long remaining = deadline - System.nanoTime();
                if (lease.isPresent() || remaining <= 0) {
                    return lease;
                }
                changed.awaitNanos(Math.min(remaining, Math.min(RECHECK_NANOS, nanosUntilNextVisible())));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void extend(Lease lease, Duration visibility) {
        withCurrentDelivery(lease, message -> message.visibleAt = clock.instant().plus(visibility));
    }

    @Override
    public void ack(Lease lease) {
        withCurrentDelivery(lease, message -> messages.remove(message.id));
    }

    @Override
    public void release(Lease lease, Duration delay) {
        withCurrentDelivery(lease, message -> {
            message.visibleAt = clock.instant().plus(delay);
            changed.signalAll();
        });
    }

    @Override
    public void deadLetter(Lease lease, String reason) {
        withCurrentDelivery(lease, message -> moveToDeadLetters(message, reason));
    }

    @Override
    public QueueSnapshot snapshot() {
        lock.lock();
        try {
            Instant now = clock.instant();
            long visible = 0;
            Instant oldestVisible = now;
            for (Message message : messages.values()) {
                if (message.isVisibleAt(now)) {
                    visible++;
                    oldestVisible = message.enqueuedAt.isBefore(oldestVisible) ? message.enqueuedAt : oldestVisible;
                }
            }
            return new QueueSnapshot(visible, messages.size() - visible, deadLetters.size(),
                    Duration.between(oldestVisible, now));
        } finally {
            lock.unlock();
        }
    }

    /** The jobs given up on, oldest first. */
    public List<DeadLetter> deadLetters() {
        lock.lock();
        try {
            return List.copyOf(deadLetters);
        } finally {
            lock.unlock();
        }
    }

    private Optional<Lease> deliverFirstVisible() {
        Instant now = clock.instant();
        Iterator<Message> candidates = messages.values().iterator();
        while (candidates.hasNext()) {
            Message message = candidates.next();
            if (!message.isVisibleAt(now)) {
                continue;
            }
            if (message.receiveCount >= maxReceives) {
                candidates.remove();
                recordDeadLetter(message, "not acknowledged after " + message.receiveCount + " deliveries");
                continue;
            }
            message.receiveCount++;
            message.receipt = UUID.randomUUID().toString();
            message.visibleAt = now.plus(visibility);
            return Optional.of(new Lease(message.job, message.receipt, message.receiveCount));
        }
        return Optional.empty();
    }

    private long nanosUntilNextVisible() {
        Instant now = clock.instant();
        return messages.values().stream()
                .mapToLong(m -> Math.max(1, Duration.between(now, m.visibleAt).toNanos()))
                .min().orElse(Long.MAX_VALUE);
    }

    private void moveToDeadLetters(Message message, String reason) {
        messages.remove(message.id);
        recordDeadLetter(message, reason);
    }

    private void recordDeadLetter(Message message, String reason) {
        deadLetters.add(new DeadLetter(message.job, reason, message.receiveCount, clock.instant()));
    }

    /** Applies the change only when the lease's receipt is the message's latest: a stale holder changes nothing. */
    private void withCurrentDelivery(Lease lease, Consumer<Message> change) {
        lock.lock();
        try {
            messages.values().stream()
                    .filter(m -> lease.receipt().equals(m.receipt))
                    .findFirst()
                    .ifPresent(change);
        } finally {
            lock.unlock();
        }
    }

    private static final class Message {

        final String id = UUID.randomUUID().toString();
        final Job job;
        final Instant enqueuedAt;
        Instant visibleAt;
        int receiveCount;
        String receipt;

        Message(Job job, Instant now) {
            this.job = job;
            this.enqueuedAt = now;
            this.visibleAt = now;
        }

        boolean isVisibleAt(Instant now) {
            return !visibleAt.isAfter(now);
        }
    }
}
