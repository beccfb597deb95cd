package org.classreflect.worker.simulation;

import static org.classreflect.worker.simulation.WorkModel.seconds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import org.classreflect.core.scaling.FleetSnapshot;
import org.classreflect.core.scaling.WorkerInstance;
import org.classreflect.core.scaling.WorkerState;
import org.classreflect.core.queue.QueueSnapshot;

/**
 * A discrete-event simulation of uploads, a queue and workers. Events are uploads, worker boots, finished jobs, the
 * ends of empty long polls, and the controller's ticks; the clock jumps from one event to the next. A worker takes
 * one job at a time, as soon as it is idle and a job waits (long polling hands over a job at once). The run ends
 * at the first tick when every recording has its transcript and every worker has stopped, or an hour after the
 * last transcript (a minimum fleet never stops); workers still running then are stopped and billed until then.
 */
public final class FleetSimulation {

    /** The moment the simulation starts; only the differences matter. */
    private static final Instant EPOCH = Instant.parse("2026-11-23T15:00:00Z");
    private static final double WIND_DOWN_LIMIT = 3600;

    private enum Phase { BOOTING, IDLE, BUSY, STOPPED }

    private static final class Job {
        final double uploadedAt;
        final double audioSeconds;

        Job(Upload upload) {
            this.uploadedAt = upload.atSeconds();
            this.audioSeconds = upload.audioSeconds();
        }
    }

    private static final class Worker {
        final String id;
        final double launchedAt;
        Phase phase = Phase.BOOTING;
        double idleSince;
        double stoppedAt;
        int emptyPolls;
        int pollRound;

        Worker(String id, double launchedAt) {
            this.id = id;
            this.launchedAt = launchedAt;
        }
    }

    private record Event(double at, long order, Runnable action) {
    }

    private final WorkModel model;
    private final Controller controller;
    private final PriorityQueue<Event> events =
            new PriorityQueue<>(Comparator.comparingDouble(Event::at).thenComparingLong(Event::order));
    private final Deque<Job> waiting = new ArrayDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private final List<Double> secondsToTranscript = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private double now;
    private long order;
    private int uploadsLeft;
    private int peakWorkers;
    private double lastTranscriptAt;

    private FleetSimulation(WorkModel model, Controller controller) {
        this.model = model;
        this.controller = controller;
    }

    public static SimulationResult run(List<Upload> uploads, WorkModel model, Controller controller) {
        return new FleetSimulation(model, controller).run(uploads);
    }

    private SimulationResult run(List<Upload> uploads) {
        uploadsLeft = uploads.size();
        for (Upload upload : uploads) {
            at(upload.atSeconds(), () -> upload(new Job(upload)));
        }
        at(0, this::tick);
        while (!events.isEmpty()) {
            Event next = events.poll();
            now = next.at();
            next.action().run();
        }
        double billed = workers.stream()
                .mapToDouble(w -> Math.max(w.stoppedAt - w.launchedAt, seconds(model.minimumBilled()))).sum();
        return new SimulationResult(controller.name(),
                secondsToTranscript.stream().mapToDouble(Double::doubleValue).toArray(), billed,
                billed / 3600 * model.pricePerHour(), workers.size(), peakWorkers, samples);
    }

    // ---- what controllers see and do ----

    public Instant instant() {
        return EPOCH.plusNanos(Math.round(now * 1e9));
    }

    public int waiting() {
        return waiting.size();
    }

    /** Workers booting, idle or busy. */
    public int activeWorkers() {
        return (int) workers.stream().filter(w -> w.phase != Phase.STOPPED).count();
    }

    public QueueSnapshot queueSnapshot() {
        long busy = workers.stream().filter(w -> w.phase == Phase.BUSY).count();
        Duration oldest = waiting.isEmpty() ? Duration.ZERO : toDuration(now - waiting.peekFirst().uploadedAt);
        return new QueueSnapshot(waiting.size(), busy, 0, oldest);
    }

    public FleetSnapshot fleetSnapshot() {
        return new FleetSnapshot(workers.stream().filter(w -> w.phase != Phase.STOPPED).map(w -> new WorkerInstance(
                w.id, w.phase == Phase.BOOTING ? WorkerState.STARTING : WorkerState.RUNNING, w.phase == Phase.BUSY,
                w.phase == Phase.IDLE ? EPOCH.plus(toDuration(w.idleSince)) : null,
                EPOCH.plus(toDuration(w.launchedAt)))).toList());
    }

    public void launch(int count) {
        for (int i = 0; i < count; i++) {
            Worker w = new Worker("w" + (workers.size() + 1), now);
            workers.add(w);
            at(now + seconds(model.boot()), () -> booted(w));
        }
        peakWorkers = Math.max(peakWorkers, activeWorkers());
    }

    /** Stops a worker at once; a busy one would lose its job, so controllers must not ask for that. */
    public void stop(String workerId) {
        Worker w = workers.stream().filter(x -> x.id.equals(workerId)).findFirst().orElseThrow();
        if (w.phase == Phase.BUSY) {
            throw new IllegalStateException(controller.name() + " stopped busy worker " + workerId);
        }
        w.phase = Phase.STOPPED;
        w.stoppedAt = now;
        w.pollRound++;
    }

    // ---- events ----

    private void upload(Job job) {
        uploadsLeft--;
        waiting.addLast(job);
        workers.stream().filter(w -> w.phase == Phase.IDLE).findFirst().ifPresent(this::takeOrPoll);
        controller.onUpload(this);
    }

    private void tick() {
        controller.onTick(this);
        samples.add(new Sample(now, waiting.size(),
                (int) workers.stream().filter(w -> w.phase == Phase.BUSY).count(), activeWorkers()));
        boolean finished = uploadsLeft == 0 && waiting.isEmpty()
                && workers.stream().noneMatch(w -> w.phase == Phase.BUSY);
        boolean woundDown = activeWorkers() == 0 || now - lastTranscriptAt >= WIND_DOWN_LIMIT;
        if (finished && woundDown) {
            workers.stream().filter(w -> w.phase != Phase.STOPPED).toList().forEach(w -> stop(w.id));
        } else {
            at(now + seconds(model.tickInterval()), this::tick);
        }
    }

    private void booted(Worker w) {
        if (w.phase == Phase.BOOTING) {
            becomeIdle(w);
        }
    }

    private void becomeIdle(Worker w) {
        w.phase = Phase.IDLE;
        w.idleSince = now;
        w.emptyPolls = 0;
        takeOrPoll(w);
    }

    /** The worker takes the oldest waiting job, or starts a long poll that ends empty unless a job arrives. */
    private void takeOrPoll(Worker w) {
        w.pollRound++;
        Job job = waiting.pollFirst();
        if (job != null) {
            w.phase = Phase.BUSY;
            at(now + job.audioSeconds * model.realTimeFactor(), () -> finished(w, job));
            return;
        }
        int round = w.pollRound;
        at(now + seconds(model.pollWait()), () -> pollEnded(w, round));
    }

    private void finished(Worker w, Job job) {
        secondsToTranscript.add(now - job.uploadedAt);
        lastTranscriptAt = now;
        becomeIdle(w);
    }

    private void pollEnded(Worker w, int round) {
        if (w.phase != Phase.IDLE || w.pollRound != round) {
            return; // the poll was answered with a job, or the worker stopped
        }
        w.emptyPolls++;
        int limit = controller.emptyPollsBeforeSelfStop();
        if (limit > 0 && w.emptyPolls >= limit) {
            stop(w.id);
        } else {
            takeOrPoll(w);
        }
    }

    private void at(double time, Runnable action) {
        events.add(new Event(time, order++, action));
    }

    private static Duration toDuration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
