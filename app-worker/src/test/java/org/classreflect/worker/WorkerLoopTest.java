package org.classreflect.worker;

import org.classreflect.core.inmemory.ThreadLocalLogContext;
import org.classreflect.core.telemetry.WorkMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.classreflect.core.inmemory.InMemoryJobQueue;
import org.classreflect.adapters.sql.Database;
import org.classreflect.adapters.sql.JdbiRecordings;
import org.classreflect.adapters.sql.JdbiSchools;
import org.classreflect.adapters.sql.JdbiTranscripts;
import org.classreflect.adapters.sql.JdbiUsers;
import org.classreflect.adapters.files.FilesystemAudioStore;
import org.classreflect.core.pipeline.ProcessNextJob;
import org.classreflect.core.pipeline.WorkerLoop;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.School;
import org.classreflect.core.school.User;
import org.classreflect.core.queue.Job;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.classreflect.testfixtures.fakes.MutableClock;
import org.classreflect.testfixtures.fakes.NoAnalyses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a worker stops: by itself when idle, or on SIGTERM handing its unfinished job back at once. */
class WorkerLoopTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final FakeTranscriber engine = new FakeTranscriber();
    private Database database;
    private JdbiRecordings recordings;
    private InMemoryJobQueue queue;
    private FilesystemAudioStore audio;
    private WorkerSettings settings;

    @BeforeEach
    void setUp() {
        database = Database.inMemory();
        recordings = new JdbiRecordings(database.jdbi());
        audio = new FilesystemAudioStore(dir.resolve("audio"));
        queue = new InMemoryJobQueue(Duration.ofMinutes(10), 4, clock);
        settings = new WorkerSettings(3, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMillis(20),
                dir.resolve("scratch"));
        new JdbiSchools(database.jdbi()).insert(new School("s1", "Alpha", clock.instant(), null));
        new JdbiUsers(database.jdbi()).insert(
                new User("t1", "s1", "t@a.test", "T", Role.TEACHER, "h", true, false, clock.instant(), null));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private WorkerLoop loop() {
        return new WorkerLoop(new ProcessNextJob(queue, recordings, new JdbiTranscripts(database.jdbi()), audio,
                engine, new NoAnalyses(), settings, clock, WorkMetrics.NONE, new ThreadLocalLogContext()), settings);
    }

    private Recording queuedRecording() throws Exception {
        Recording r = Recording.startUpload("r1", "s1", "t1", RecordingMetadata.NONE, "a.wav", "audio/wav",
                clock.instant());
        recordings.insert(r);
        audio.put(r.audioKey(), Files.newInputStream(Files.writeString(dir.resolve("a.wav"), "RIFF....WAVE")));
        Recording queued = r.uploaded(12, "ab", clock.instant());
        recordings.update(queued, RecordingStatus.UPLOADING);
        queue.enqueue(new Job(r.id()));
        return queued;
    }

    @Test
    void anIdleWorkerReturnsAfterTheGivenNumberOfEmptyPolls() {
        long start = System.nanoTime();
        assertThat(loop().run(3)).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void workDoneResetsTheCountOfEmptyPolls() throws Exception {
        queuedRecording();
        assertThat(loop().run(2)).isEqualTo(1);
        assertThat(recordings.find("r1").orElseThrow().status()).isEqualTo(RecordingStatus.COMPLETED);
    }

    @Test
    void stoppingMidJobHandsTheJobBackToTheQueueAtOnce() throws Exception {
        engine.blockUntilReleased();
        queuedRecording();
        WorkerLoop loop = loop();
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> loop.run(0));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (recordings.find("r1").orElseThrow().status() != RecordingStatus.PROCESSING
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(queue.snapshot().inFlight()).isEqualTo(1);

        loop.stop(Duration.ofMillis(200));

        assertThat(queue.snapshot().visible()).as("visible again for another worker").isEqualTo(1);
        assertThat(queue.snapshot().inFlight()).isZero();
        engine.release();
        running.get(10, TimeUnit.SECONDS);
    }
}
