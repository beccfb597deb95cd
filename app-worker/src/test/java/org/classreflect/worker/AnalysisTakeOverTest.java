package org.classreflect.worker;

import org.classreflect.core.inmemory.ThreadLocalLogContext;
import org.classreflect.core.telemetry.WorkMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.classreflect.adapters.audio.FfmpegAudioDecoder;
import org.classreflect.core.inmemory.InMemoryJobQueue;
import org.classreflect.adapters.sql.Database;
import org.classreflect.adapters.sql.JdbiAnalyses;
import org.classreflect.adapters.sql.JdbiRecordings;
import org.classreflect.adapters.sql.JdbiSchoolSettings;
import org.classreflect.adapters.sql.JdbiSchools;
import org.classreflect.adapters.sql.JdbiTemplates;
import org.classreflect.adapters.sql.JdbiTranscripts;
import org.classreflect.adapters.sql.JdbiUsers;
import org.classreflect.adapters.files.FilesystemAudioStore;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.analysis.AnalyzeRecording;
import org.classreflect.core.metrics.SampleSource;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.core.metrics.Utterance;
import org.classreflect.core.pipeline.JobOutcome;
import org.classreflect.core.pipeline.ProcessNextJob;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.queue.Job;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.ATranscript;
import org.classreflect.testfixtures.builders.AUser;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.classreflect.testfixtures.fakes.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analysis whose worker died while running it is taken over by whoever handles the recording after its lease
 * ended, in every mode and without an operator; while a live run holds it, nobody else runs it.
 */
class AnalysisTakeOverTest {

    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final String RECORDING = "r-1";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private Database database;
    private JdbiAnalyses analyses;
    private InMemoryJobQueue queue;
    private FilesystemAudioStore audio;

    @BeforeEach
    void setUp() throws Exception {
        database = Database.inMemory();
        analyses = new JdbiAnalyses(database.jdbi());
        queue = new InMemoryJobQueue(LEASE, 4, clock);
        audio = new FilesystemAudioStore(dir.resolve("audio"));
        new JdbiSchools(database.jdbi()).insert(ASchool.named("s-1", "Oak Primary"));
        new JdbiUsers(database.jdbi()).insert(AUser.teacher("u-1", "s-1"));
        new JdbiRecordings(database.jdbi()).insert(ARecording.of(RECORDING, "s-1", "u-1")
                .status(RecordingStatus.COMPLETED).finishedAt(clock.instant()).build());
        new JdbiTranscripts(database.jdbi()).saveIfAbsent(ATranscript.withText(RECORDING,
                "why does the water go up"));
        audio.put(RECORDING, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        new JdbiTemplates(database.jdbi(), clock).insert(StarterTemplates.LESSON_CLARITY_AND_PACE);
        analyses.insert(Analysis.queued("a-1", RECORDING, "s-1", "u-1", StarterTemplates.LESSON_CLARITY_AND_PACE,
                clock.instant(), clock.instant()));
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        database.close();
    }

    private ProcessNextJob worker(SpeakerEstimator speakers, Duration lease) {
        WorkerSettings settings = new WorkerSettings(3, lease, Duration.ofSeconds(30), Duration.ofMillis(10),
                dir.resolve("scratch"));
        var recordings = new JdbiRecordings(database.jdbi());
        var transcripts = new JdbiTranscripts(database.jdbi());
        var stage = new AnalyzeRecording(analyses, new JdbiTemplates(database.jdbi(), clock), transcripts,
                recordings, new JdbiSchoolSettings(database.jdbi()), audio, new FfmpegAudioDecoder(), speakers,
                request -> null, settings, clock, WorkMetrics.NONE);
        return new ProcessNextJob(queue, recordings, transcripts, audio, new FakeTranscriber(), stage, settings,
                clock, WorkMetrics.NONE, new ThreadLocalLogContext());
    }

    private Analysis analysis() {
        return analyses.find("a-1").orElseThrow();
    }

    @Test
    void aJobDeliveredAgainAfterItsWorkerDiedTakesTheAnalysisOverOnceItsLeaseHasEnded() throws Exception {
        queue.enqueue(new Job(RECORDING));
        assertThat(queue.receive(Duration.ZERO)).as("worker A takes the job").isPresent();
        clock.advance(LEASE.dividedBy(2));
        Analysis queued = analysis();
        assertThat(analyses.claim(queued.running("run-a", clock.instant(), LEASE), clock.instant()))
                .as("A starts the analysis late in the job's lease, then dies").isTrue();
        Speakers speakers = new Speakers(false);
        ProcessNextJob b = worker(speakers, LEASE);

        clock.advance(LEASE.dividedBy(2).plusSeconds(1));
        assertThat(b.runOnce()).as("the job is back, but A's hold on the analysis has not ended yet")
                .isEqualTo(JobOutcome.DEFERRED);
        assertThat(analysis().runId()).isEqualTo("run-a");
        assertThat(b.runOnce()).as("the job stays hidden until the hold ends").isEqualTo(JobOutcome.NO_JOB);

        clock.advance(LEASE.dividedBy(2));
        assertThat(b.runOnce()).isEqualTo(JobOutcome.DISCARDED);
        assertThat(analysis().status()).isEqualTo(AnalysisStatus.COMPLETED);
        assertThat(analysis().runId()).isNotEqualTo("run-a");
        assertThat(speakers.calls()).isEqualTo(1);
        assertThat(queue.snapshot().visible() + queue.snapshot().inFlight()).isZero();
        assertThat(queue.snapshot().deadLettered()).isZero();
    }

    @Test
    void twoWorkersNeverRunOneAnalysisAtTheSameTimeWhileItsRunnerRenewsItsHold() throws Exception {
        Duration lease = Duration.ofMillis(1000); // renewed every 500 ms of real time
        Speakers speakers = new Speakers(true);
        ProcessNextJob a = worker(speakers, lease);
        ProcessNextJob b = worker(speakers, lease);
        queue.enqueue(new Job(RECORDING));
        Future<JobOutcome> first = threads.submit(a::runOnce);
        assertThat(speakers.entered.await(10, TimeUnit.SECONDS)).as("A is running the analysis").isTrue();
        Instant firstHold = analysis().leaseUntil();

        clock.advance(Duration.ofMillis(700));
        awaitTrue(() -> analysis().leaseUntil().isAfter(firstHold));
        clock.advance(Duration.ofMillis(700)); // past A's first lease, within the renewed one
        queue.enqueue(new Job(RECORDING)); // a second request for the same recording reaches worker B
        assertThat(b.runOnce()).isEqualTo(JobOutcome.DEFERRED);
        assertThat(analysis().status()).isEqualTo(AnalysisStatus.RUNNING);

        speakers.release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(JobOutcome.DISCARDED);
        assertThat(analysis().status()).isEqualTo(AnalysisStatus.COMPLETED);
        assertThat(speakers.calls()).isEqualTo(1);
        assertThat(speakers.mostAtOnce()).isEqualTo(1);

        clock.advance(LEASE);
        assertThat(b.runOnce()).as("B's job comes back and finds nothing left to do")
                .isEqualTo(JobOutcome.DISCARDED);
        assertThat(speakers.calls()).isEqualTo(1);
    }

    @Test
    void aRunThatStalledPastItsLeaseNeverOverwritesTheRunThatTookOver() throws Exception {
        Speakers stalled = new Speakers(true);
        ProcessNextJob a = worker(stalled, LEASE);
        queue.enqueue(new Job(RECORDING));
        Future<JobOutcome> first = threads.submit(a::runOnce);
        assertThat(stalled.entered.await(10, TimeUnit.SECONDS)).isTrue();
        String runA = analysis().runId();

        clock.advance(LEASE.plusSeconds(1)); // A renewed nothing in that time: it counts as dead
        ProcessNextJob b = worker(new Speakers(false), LEASE);
        assertThat(b.runOnce()).as("A's job, delivered again").isEqualTo(JobOutcome.DISCARDED);
        Analysis tookOver = analysis();
        assertThat(tookOver.status()).isEqualTo(AnalysisStatus.COMPLETED);
        assertThat(tookOver.runId()).isNotEqualTo(runA);

        stalled.release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(analysis()).as("A's late result is dropped").isEqualTo(tookOver);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(until);
            Thread.sleep(20);
        }
    }

    /** Speakers unknown; the first call can be held until released, a run caught mid-analysis. */
    private static final class Speakers implements SpeakerEstimator {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final boolean holdFirst;
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();

        Speakers(boolean holdFirst) {
            this.holdFirst = holdFirst;
        }

        @Override
        public SpeakerEstimate estimate(List<Utterance> utterances, SampleSource audio) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                if (calls.incrementAndGet() == 1 && holdFirst) {
                    entered.countDown();
                    release.await();
                }
                return SpeakerEstimate.unknown(utterances.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }

        int calls() {
            return calls.get();
        }

        int mostAtOnce() {
            return mostAtOnce.get();
        }
    }
}
