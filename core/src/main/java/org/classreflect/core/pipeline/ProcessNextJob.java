package org.classreflect.core.pipeline;

import jakarta.inject.Inject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.classreflect.core.analysis.AnalysisStage;
import org.classreflect.core.audio.DecodedAudioCache;
import org.classreflect.core.queue.Heartbeat;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.queue.Lease;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.ReadableAudio;
import org.classreflect.core.telemetry.LogContext;
import org.classreflect.core.telemetry.WorkMetrics;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionOptions;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.core.transcript.Transcripts;

/**
 * The worker's step: take one job, transcribe its recording, store the transcript, complete the recording, run its
 * queued analyses, and acknowledge the job. A job for a completed recording only runs the analyses queued since.
 * Every step tolerates being run twice: a redelivered job whose transcript is already stored only finishes the
 * bookkeeping, and a job for a failed or deleted recording is acknowledged without work.
 * The audio the engine decodes while transcribing is kept for this attempt's analyses ({@link DecodedAudioCache}),
 * and removed when the attempt ends, however it ends; it is not written at all when no analysis of the recording
 * waits as the transcription starts (one asked for while it runs decodes the audio itself).
 */
public final class ProcessNextJob {

    private static final Logger LOG = Logger.getLogger(ProcessNextJob.class.getName());
    /** Past the end of another worker's hold on an analysis, so that the job comes back after it has ended. */
    private static final Duration HOLD_MARGIN = Duration.ofSeconds(1);
    private static final String TRANSCRIPTION = "transcription";

    private final JobQueue queue;
    private final Recordings recordings;
    private final Transcripts transcripts;
    private final AudioStore audioStore;
    private final Transcriber transcriber;
    private final AnalysisStage analysis;
    private final WorkerSettings settings;
    private final Clock clock;
    private final WorkMetrics metrics;
    private final LogContext logContext;
    private final DecodedAudioCache decodedAudio;
    private final AtomicReference<Lease> active = new AtomicReference<>();

    @Inject
    public ProcessNextJob(JobQueue queue, Recordings recordings, Transcripts transcripts, AudioStore audioStore,
                          Transcriber transcriber, AnalysisStage analysis, WorkerSettings settings, Clock clock,
                          WorkMetrics metrics, LogContext logContext) {
        this.logContext = logContext;
        this.queue = queue;
        this.recordings = recordings;
        this.transcripts = transcripts;
        this.audioStore = audioStore;
        this.transcriber = transcriber;
        this.analysis = analysis;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.decodedAudio = new DecodedAudioCache(settings.scratchDir());
    }

    public JobOutcome runOnce() throws InterruptedException {
        if (!transcriber.status().ready()) {
            return JobOutcome.TRANSCRIBER_UNAVAILABLE;
        }
        Optional<Lease> lease = queue.receive(settings.pollWait());
        if (lease.isEmpty()) {
            return JobOutcome.NO_JOB;
        }
        active.set(lease.get());
        Job job = lease.get().job();
        try (LogContext.Scope request = logContext.put(LogContext.REQUEST_ID, job.requestId());
             LogContext.Scope recording = logContext.put(LogContext.RECORDING_ID, job.recordingId())) {
            return measured(lease.get());
        } finally {
            active.set(null);
        }
    }

    private JobOutcome measured(Lease lease) {
        long start = System.nanoTime();
        JobOutcome outcome = null;
        try {
            outcome = process(lease);
            return outcome;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String ended = outcome == null ? "error" : outcome.name().toLowerCase(Locale.ROOT);
            metrics.jobFinished(ended, took);
            LOG.info(() -> "job for recording " + lease.job().recordingId() + " ended: " + ended + " after "
                    + took.toMillis() + " ms");
        }
    }

    /**
     * Hands the job in progress back to the queue at once, so another worker can take it (on shutdown or a spot
     * interruption). Returns whether there was one.
     */
    public boolean releaseActiveJob() {
        Lease lease = active.getAndSet(null);
        if (lease == null) {
            return false;
        }
        queue.release(lease, Duration.ZERO);
        return true;
    }

    private JobOutcome process(Lease lease) {
        String id = lease.job().recordingId();
        Recording recording = recordings.find(id).orElse(null);
        if (recording != null && recording.status() == RecordingStatus.COMPLETED) {
            return runAnalyses(lease, id, JobOutcome.DISCARDED); // analyses asked for after the transcript
        }
        if (recording == null || recording.status().isTerminal() || recording.status() == RecordingStatus.UPLOADING) {
            queue.ack(lease);
            return JobOutcome.DISCARDED;
        }
        if (recording.status() == RecordingStatus.TRANSCRIBED) {
            return finish(lease, recording);
        }
        if (lease.receiveCount() > settings.maxAttempts()) {
            metrics.failed(TRANSCRIPTION, "worker_stopped_every_attempt");
            return giveUp(lease, "gave up after " + settings.maxAttempts()
                    + " attempts: the worker stopped while transcribing");
        }
        Recording started = recording.startAttempt(clock.instant());
        if (!recordings.update(started, recording.status())) {
            queue.ack(lease); // someone else changed it; whoever did queued their own job if one is needed
            return JobOutcome.DISCARDED;
        }
        try (Heartbeat heartbeat = Heartbeat.forJob(queue, lease, settings.lease())) {
            Transcript transcript = transcripts.find(id).orElse(null);
            if (transcript == null) {
                transcript = transcribe(started);
                transcripts.saveIfAbsent(transcript);
            }
            Recording current = recordings.find(id).orElse(null);
            if (current == null) {
                transcripts.delete(id); // deleted while we worked: leave nothing behind
                queue.ack(lease);
                return JobOutcome.DISCARDED;
            }
            Recording transcribed = current.transcribed(transcript.audioSeconds());
            recordings.update(transcribed, current.status());
            return finish(lease, transcribed);
        } catch (FileNotFoundException | NoSuchFileException e) {
            metrics.failed(TRANSCRIPTION, "audio_missing");
            return giveUp(lease, "the audio file is missing from the store");
        } catch (TranscriptionException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "attempt " + lease.receiveCount() + " for recording " + id + " failed", e);
            metrics.failed(TRANSCRIPTION, e.getClass().getSimpleName());
            return retryOrGiveUp(lease, describe(e));
        } finally {
            decodedAudio.discard(id, recording.audioKey());
        }
    }

    private JobOutcome finish(Lease lease, Recording transcribed) {
        recordings.update(transcribed.completed(clock.instant()), RecordingStatus.TRANSCRIBED);
        return runAnalyses(lease, transcribed.id(), JobOutcome.COMPLETED);
    }

    /**
     * A language model's feedback can take minutes: the lease is renewed meanwhile, as during transcription. While
     * another worker still holds an analysis of the recording, the job is handed back until that hold ends rather
     * than acknowledged: if that worker has died (its job may be this very one, delivered again), the next delivery
     * takes the analysis over.
     */
    private JobOutcome runAnalyses(Lease lease, String recordingId, JobOutcome done) {
        AnalysisStage.Report report;
        long start = System.nanoTime();
        try (Heartbeat heartbeat = Heartbeat.forJob(queue, lease, settings.lease())) {
            report = analysis.runQueued(recordingId);
        } finally {
            metrics.stageFinished("analysis", Duration.ofNanos(System.nanoTime() - start));
        }
        if (report.busyUntil() != null) {
            Duration wait = Duration.between(clock.instant(), report.busyUntil()).plus(HOLD_MARGIN);
            queue.release(lease, wait.isNegative() ? HOLD_MARGIN : wait);
            return JobOutcome.DEFERRED;
        }
        queue.ack(lease);
        return done;
    }

    private JobOutcome retryOrGiveUp(Lease lease, String reason) {
        if (lease.receiveCount() >= settings.maxAttempts()) {
            return giveUp(lease, reason);
        }
        Duration delay = settings.backoffAfter(lease.receiveCount());
        recordings.find(lease.job().recordingId())
                .filter(r -> r.status() == RecordingStatus.PROCESSING)
                .ifPresent(r -> recordings.update(r.attemptFailed("attempt " + lease.receiveCount() + " of "
                        + settings.maxAttempts() + " failed (" + reason + "); trying again in "
                        + delay.toSeconds() + " s"), RecordingStatus.PROCESSING));
        queue.release(lease, delay);
        return JobOutcome.RETRY_SCHEDULED;
    }

    private JobOutcome giveUp(Lease lease, String reason) {
        recordings.find(lease.job().recordingId())
                .filter(r -> !r.status().isTerminal())
                .ifPresent(r -> recordings.update(r.failed(reason, clock.instant()), r.status()));
        queue.deadLetter(lease, reason);
        return JobOutcome.FAILED;
    }

    private Transcript transcribe(Recording recording) throws IOException, TranscriptionException {
        long stageStart = System.nanoTime();
        try (ReadableAudio readable = ReadableAudio.of(audioStore, recording.audioKey(), settings.scratchDir(),
                recording.id())) {
            AtomicInteger lastReported = new AtomicInteger(-1);
            TranscriptionProgress progress = percent -> {
                if (lastReported.getAndSet(percent) != percent) {
                    recordings.updateProgress(recording.id(), percent);
                }
            };
            boolean analysisFollows = analysis.hasQueued(recording.id());
            long startNanos = System.nanoTime();
            Transcription transcription = analysisFollows
                    ? transcribeKeepingDecodedPass(recording, readable.path(), progress)
                    : transcriber.transcribe(readable.path(), TranscriptionOptions.DEFAULTS, progress);
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            Transcript transcript = Transcript.of(recording.id(), transcription, took.toNanos() / 1e9,
                    clock.instant());
            metrics.transcribed(transcript.engine(), transcript.modelId(),
                    Duration.ofMillis(Math.round(transcript.audioSeconds() * 1000)), took);
            return transcript;
        } finally {
            metrics.stageFinished(TRANSCRIPTION, Duration.ofNanos(System.nanoTime() - stageStart));
        }
    }

    private Transcription transcribeKeepingDecodedPass(Recording recording, Path audio,
                                                       TranscriptionProgress progress) throws TranscriptionException {
        try (DecodedAudioCache.Pass decoded = decodedAudio.start(recording.id(), recording.audioKey())) {
            Transcription transcription = transcriber.transcribe(audio, TranscriptionOptions.DEFAULTS, progress,
                    decoded);
            decoded.keepIfWhole(transcription.audioSeconds());
            return transcription;
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
