package org.classreflect.core.pipeline;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.classreflect.core.queue.WorkerSettings;

/**
 * Runs {@link ProcessNextJob} until told to stop, or (for a worker host that should switch itself off when idle)
 * until a number of polls in a row found no work.
 */
public final class WorkerLoop {

    private static final Logger LOG = Logger.getLogger(WorkerLoop.class.getName());

    private final ProcessNextJob step;
    private final WorkerSettings settings;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;

    @Inject
    public WorkerLoop(ProcessNextJob step, WorkerSettings settings) {
        this.step = step;
        this.settings = settings;
    }

    /**
     * Processes jobs on the calling thread.
     *
     * @param stopAfterEmptyPolls return after this many polls in a row found no job; 0 runs until {@link #stop}
     * @return how many jobs were completed
     */
    public int run(int stopAfterEmptyPolls) {
        int completed = 0;
        int emptyPolls = 0;
        try {
            while (!stopping && (stopAfterEmptyPolls == 0 || emptyPolls < stopAfterEmptyPolls)) {
                JobOutcome outcome = turn();
                switch (outcome) {
                    case NO_JOB -> emptyPolls++;
                    case TRANSCRIBER_UNAVAILABLE -> {
                        emptyPolls++;
                        pause(settings.pollWait());
                    }
                    case COMPLETED -> {
                        completed++;
                        emptyPolls = 0;
                    }
                    default -> emptyPolls = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
        }
        return completed;
    }

    /**
     * Stops taking jobs; waits up to {@code grace} for the job in progress to finish, and otherwise hands it back to
     * the queue so that another worker takes it at once.
     */
    public void stop(Duration grace) {
        stopping = true;
        try {
            if (!finished.await(grace.toMillis(), TimeUnit.MILLISECONDS) && step.releaseActiveJob()) {
                LOG.info("handed the unfinished job back to the queue");
            }
        } catch (InterruptedException e) {
            step.releaseActiveJob();
            Thread.currentThread().interrupt();
        }
    }

    private JobOutcome turn() throws InterruptedException {
        try {
            return step.runOnce();
        } catch (RuntimeException e) {
            // The store or the queue is unreachable: wait, then try again; the lease brings the job back.
            LOG.log(Level.WARNING, "worker step failed; retrying after a pause", e);
            pause(settings.pollWait());
            return JobOutcome.RETRY_SCHEDULED;
        }
    }

    private void pause(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        while (!stopping && System.nanoTime() < until) {
            Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }
}
