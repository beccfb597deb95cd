package org.classreflect.sdk;

import java.util.concurrent.ExecutorService;
import org.classreflect.core.accesslog.ApplyAccessLogRetention;
import org.classreflect.core.erasure.CarryOutErasure;
import org.classreflect.core.deletion.ApplyTranscriptRetention;
import org.classreflect.core.erasure.ResumeErasures;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.classreflect.core.admin.InProcessWorkers;
import org.classreflect.core.deletion.ApplyRetention;
import org.classreflect.core.pipeline.RecoverUnfinishedJobs;
import org.classreflect.core.pipeline.WorkerLoop;
import org.classreflect.core.recording.SweepUnnamedAudio;

/**
 * The background work of a ClassReflect process: worker loops on threads of their own, erasures (one at a time, on a
 * thread of their own), and the hourly retention task (which also sweeps old scratch files and stored audio no
 * recording names, and runs once as soon as it is scheduled, at the process's start). {@link ClassReflect} owns one; the API in local mode runs it beside the HTTP server, app-worker runs it alone.
 * One per object graph, so that whoever stops it stops the loops that were started.
 */
@Singleton
public final class WorkerRuntime implements InProcessWorkers, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkerRuntime.class.getName());
    private static final Duration RETENTION_PERIOD = Duration.ofHours(1);

    private final Provider<WorkerLoop> loops;
    private final RecoverUnfinishedJobs recover;
    private final ApplyRetention retention;
    private final ApplyAccessLogRetention accessLogRetention;
    private final ApplyTranscriptRetention transcriptRetention;
    private final CarryOutErasure carryOutErasure;
    private final ResumeErasures resumeErasures;
    private final SweepUnnamedAudio unnamedAudio;
    private final List<WorkerLoop> running = new ArrayList<>();
    private final List<DeadWorker> dead = new ArrayList<>();
    private final List<ScratchSweeper> scratch = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService erasures;

    @Inject
    public WorkerRuntime(Provider<WorkerLoop> loops, RecoverUnfinishedJobs recover, ApplyRetention retention,
                         ApplyAccessLogRetention accessLogRetention, ApplyTranscriptRetention transcriptRetention,
                         CarryOutErasure carryOutErasure, ResumeErasures resumeErasures,
                         SweepUnnamedAudio unnamedAudio) {
        this.unnamedAudio = unnamedAudio;
        this.transcriptRetention = transcriptRetention;
        this.loops = loops;
        this.recover = recover;
        this.retention = retention;
        this.accessLogRetention = accessLogRetention;
        this.carryOutErasure = carryOutErasure;
        this.resumeErasures = resumeErasures;
    }

    /** Carries out a stored erasure request on the erasure thread; a failure leaves it for the hourly task. */
    public void eraseInBackground(String requestId) {
        onErasureThread(() -> carryOutErasure.execute(requestId));
    }

    /** Finishes, on the erasure thread, every erasure a crash or failure left unfinished. */
    public void resumeErasuresInBackground() {
        onErasureThread(resumeErasures::execute);
    }

    private synchronized void onErasureThread(Runnable erasure) {
        if (erasures == null) {
            erasures = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "erasure");
                t.setDaemon(true);
                return t;
            });
        }
        erasures.execute(() -> {
            try {
                erasure.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "an erasure failed; it is tried again within the hour", e);
            }
        });
    }

    /**
     * Queues again whatever the database says is unfinished: for a queue that dies with its process only. A durable
     * queue (SQS) keeps its messages, and a duplicate sent while a worker elsewhere is busy with the job would let a
     * second worker take the job over.
     */
    public int recoverUnfinishedJobs() {
        int count = recover.execute();
        if (count > 0) {
            LOG.info(() -> "queued " + count + " unfinished recording(s) again");
        }
        return count;
    }

    /**
     * Starts worker loops on threads of their own. An {@link Error} that ends a loop (OutOfMemoryError, say) is
     * recorded for readiness and then thrown on, so that the thread's uncaught-exception handler sees it: the apps
     * install {@link org.classreflect.sdk.wiring.FatalErrors}, which ends the process.
     */
    public synchronized void startWorkers(int count) {
        for (int i = 0; i < count; i++) {
            WorkerLoop loop = loops.get();
            running.add(loop);
            String name = "worker-" + (running.size() + dead.size());
            Thread t = new Thread(() -> runRecordingDeath(name, loop, 0), name);
            t.setDaemon(true);
            t.start();
        }
    }

    /** Runs one worker loop on the calling thread; returns after that many empty polls in a row (0: never). */
    public int runInForeground(int stopAfterEmptyPolls) {
        WorkerLoop loop = loops.get();
        synchronized (this) {
            running.add(loop);
        }
        return runRecordingDeath(Thread.currentThread().getName(), loop, stopAfterEmptyPolls);
    }

    private int runRecordingDeath(String name, WorkerLoop loop, int stopAfterEmptyPolls) {
        try {
            return loop.run(stopAfterEmptyPolls);
        } catch (Error e) {
            synchronized (this) {
                running.remove(loop);
                dead.add(new DeadWorker(name, e.toString()));
            }
            throw e;
        }
    }

    @Override
    public synchronized int running() {
        return running.size();
    }

    @Override
    public synchronized List<DeadWorker> dead() {
        return List.copyOf(dead);
    }

    /**
     * Adds scratch directories to the hourly task: files there older than {@link ScratchSweeper#SAFE_AGE} are
     * deleted (those of a killed process, or of a job that failed to clean up).
     */
    public void sweepHourly(ScratchSweeper sweeper) {
        scratch.add(sweeper);
    }

    /** Runs the hourly task (retention, then old scratch files) every hour, starting now. */
    public synchronized void scheduleRetention() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::applyRetention, 0, RETENTION_PERIOD.toMinutes(), TimeUnit.MINUTES);
    }

    /** Stops every loop: each job in progress gets {@code grace} to finish, then goes back to the queue. */
    public void stop(Duration grace) {
        List<WorkerLoop> loopsToStop;
        synchronized (this) {
            loopsToStop = List.copyOf(running);
            running.clear();
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
            if (erasures != null) {
                erasures.shutdownNow();
                erasures = null;
            }
        }
        loopsToStop.parallelStream().forEach(loop -> loop.stop(grace));
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }

    private void applyRetention() {
        try {
            ApplyRetention.Report report = retention.execute();
            if (report.audioDeleted() + report.staleUploadsRemoved() > 0) {
                LOG.info(() -> "retention: deleted the audio of " + report.audioDeleted() + " recording(s), removed "
                        + report.staleUploadsRemoved() + " unfinished upload(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention run failed; it runs again within the hour", e);
        }
        try {
            int transcripts = transcriptRetention.execute();
            if (transcripts > 0) {
                LOG.info(() -> "transcript retention: deleted " + transcripts + " transcript(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "transcript retention failed; it runs again within the hour", e);
        }
        try {
            int removed = accessLogRetention.execute();
            if (removed > 0) {
                LOG.info(() -> "access log retention: removed " + removed + " entr(ies)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "access log retention failed; it runs again within the hour", e);
        }
        resumeErasuresInBackground();
        sweepOldScratch();
        sweepUnnamedAudio();
    }

    /**
     * Deletes stored audio that no recording names, older than {@link SweepUnnamedAudio#SAFE_AGE} (what a process
     * killed between storing an upload's audio and filing its row leaves); logs and returns what went.
     */
    public SweepUnnamedAudio.Report sweepUnnamedAudio() {
        try {
            SweepUnnamedAudio.Report report = unnamedAudio.execute();
            if (report.deleted() > 0) {
                LOG.info(() -> "removed " + report.deleted() + " stored audio file(s) no recording names, "
                        + report.bytes() + " bytes");
            }
            return report;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "the sweep of audio no recording names failed; it runs again within the hour", e);
            return new SweepUnnamedAudio.Report(0, 0);
        }
    }

    /** Deletes scratch files older than {@link ScratchSweeper#SAFE_AGE}; returns how many. */
    public int sweepOldScratch() {
        int deleted = 0;
        for (ScratchSweeper sweeper : scratch) {
            try {
                deleted += sweeper.sweepOlderThan(ScratchSweeper.SAFE_AGE);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "scratch sweep of " + sweeper.directories() + " failed", e);
            }
        }
        return deleted;
    }
}
