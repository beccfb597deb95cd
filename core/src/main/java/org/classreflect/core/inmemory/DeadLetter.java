package org.classreflect.core.inmemory;

import java.time.Instant;
import org.classreflect.core.queue.Job;

/** A job the queue gave up on, why, and after how many deliveries. */
public record DeadLetter(Job job, String reason, int receiveCount, Instant at) {
}
