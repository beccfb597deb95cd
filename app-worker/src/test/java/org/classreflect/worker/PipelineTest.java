package org.classreflect.worker;

import org.classreflect.core.inmemory.ThreadLocalLogContext;
import org.classreflect.core.telemetry.WorkMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.classreflect.adapters.audio.FfmpegAudioDecoder;
import org.classreflect.core.inmemory.InMemoryJobQueue;
import org.classreflect.adapters.sql.Database;
import org.classreflect.adapters.sql.JdbiAnalyses;
import org.classreflect.adapters.sql.JdbiRecordings;
import org.classreflect.adapters.sql.JdbiTemplates;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.core.template.Template;
import org.classreflect.adapters.sql.JdbiSchoolSettings;
import org.classreflect.adapters.sql.JdbiSchools;
import org.classreflect.adapters.sql.JdbiTranscripts;
import org.classreflect.adapters.sql.JdbiUsers;
import org.classreflect.adapters.files.FilesystemAudioStore;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.deletion.ApplyRetention;
import org.classreflect.core.pipeline.JobOutcome;
import org.classreflect.core.pipeline.ProcessNextJob;
import org.classreflect.core.pipeline.RecoverUnfinishedJobs;
import org.classreflect.core.deletion.RetentionSettings;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.AudioCheckSettings;
import org.classreflect.core.recording.StoredAudioCheck;
import org.classreflect.core.recording.UploadLimits;
import org.classreflect.core.recording.UploadRecording;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.School;
import org.classreflect.core.school.User;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.queue.Job;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.classreflect.testfixtures.fakes.MutableClock;
import org.classreflect.testfixtures.fakes.NoAnalyses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's step against the real local adapters: idempotent, retried with backoff, dead-lettered at last. */
class PipelineTest {

    private static final int MAX_ATTEMPTS = 3;
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration BACKOFF = Duration.ofSeconds(30);
    private static final byte[] WAV = wav(4000);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final FakeTranscriber engine = new FakeTranscriber();
    private Database database;
    private JdbiRecordings recordings;
    private JdbiTranscripts transcripts;
    private FilesystemAudioStore audio;
    private InMemoryJobQueue queue;
    private ProcessNextJob worker;
    private Actor teacher;

    @BeforeEach
    void setUp() {
        database = Database.inMemory();
        recordings = new JdbiRecordings(database.jdbi());
        transcripts = new JdbiTranscripts(database.jdbi());
        audio = new FilesystemAudioStore(dir.resolve("audio"));
        queue = new InMemoryJobQueue(LEASE, MAX_ATTEMPTS + 1, clock);
        WorkerSettings settings = new WorkerSettings(MAX_ATTEMPTS, LEASE, BACKOFF, Duration.ofMillis(10),
                dir.resolve("scratch"));
        worker = new ProcessNextJob(queue, recordings, transcripts, audio, engine, new NoAnalyses(), settings,
                clock, WorkMetrics.NONE, new ThreadLocalLogContext());
        School school = new School("s1", "Alpha", clock.instant(), null);
        new JdbiSchools(database.jdbi()).insert(school);
        User t = new User("t1", "s1", "t@alpha.test", "T", Role.TEACHER, "hash", true, false, clock.instant(), null);
        new JdbiUsers(database.jdbi()).insert(t);
        teacher = t.asActor();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private Result<Recording> upload(byte[] content) throws Exception {
        var check = new StoredAudioCheck(audio, new FfmpegAudioDecoder(),
                new AudioCheckSettings(AudioCheckSettings.DEFAULT_MAX_DURATION, dir.resolve("probe")));
        var use = new UploadRecording(recordings, new JdbiUsers(database.jdbi()), audio, queue, new AccessPolicy(),
                new UploadLimits(1024 * 1024), check, org.classreflect.core.recording.UploadAnalysis.NONE, clock, WorkMetrics.NONE, new ThreadLocalLogContext());
        return use.execute(teacher, new UploadRecording.Command(null, RecordingMetadata.NONE, "x.wav", null,
                new ByteArrayInputStream(content)));
    }

    private Recording upload() throws Exception {
        return upload(WAV).orElseThrow();
    }

    @Test
    void aStreamLongerThanTheLimitIsRefusedWhileReadingAndLeavesNothing() throws Exception {
        Result<Recording> refused = upload(wav(1024 * 1024));
        assertThat(refused).isInstanceOfSatisfying(Result.Rejected.class, r ->
                assertThat(r.rejection().reason()).isEqualTo(Rejection.Reason.TOO_LARGE));
        assertThat(recordings.findByStatus(java.util.EnumSet.allOf(RecordingStatus.class))).isEmpty();
        try (var files = Files.walk(dir.resolve("audio"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(queue.snapshot().visible()).isZero();
    }

    private Recording reload(Recording r) {
        return recordings.find(r.id()).orElseThrow();
    }

    @Test
    void aJobGoesFromQueuedToCompletedWithItsTranscript() throws Exception {
        Recording r = upload();
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        Recording done = reload(r);
        assertThat(done.status()).isEqualTo(RecordingStatus.COMPLETED);
        assertThat(done.durationSeconds()).isEqualTo(2.5);
        assertThat(transcripts.find(r.id()).orElseThrow().text())
                .isEqualTo(String.join(" ", FakeTranscriber.wordsFor(WAV.length)));
        assertThat(queue.snapshot().visible() + queue.snapshot().inFlight()).isZero();
        Path scratch = dir.resolve("scratch");
        assertThat(!Files.exists(scratch) || Files.list(scratch).findAny().isEmpty())
                .as("the stored file is read where it lies: no scratch copy is left, or made").isTrue();
    }

    @Test
    void aMessageDeliveredTwiceTranscribesOnce() throws Exception {
        Recording r = upload();
        queue.enqueue(new Job(r.id()));
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.DISCARDED);
        assertThat(engine.calls()).isEqualTo(1);
        assertThat(reload(r).attempts()).isEqualTo(1);
    }

    @Test
    void aWorkerThatDiedAfterSavingTheTranscriptLeavesOnlyTheBookkeepingToDo() throws Exception {
        Recording r = upload();
        Recording processing = reload(r).startAttempt(clock.instant());
        recordings.update(processing, RecordingStatus.QUEUED);
        Transcript saved = Transcript.of(r.id(), engine.transcribe(writeTemp(), p -> { }), 1.0, clock.instant());
        transcripts.saveIfAbsent(saved);
        int callsBefore = engine.calls();

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        assertThat(engine.calls()).as("no second transcription").isEqualTo(callsBefore);
        assertThat(reload(r).status()).isEqualTo(RecordingStatus.COMPLETED);
        assertThat(transcripts.find(r.id()).orElseThrow().createdAt()).isEqualTo(saved.createdAt());
    }

    @Test
    void aWorkerThatDiedAfterMarkingTranscribedOnlyCompletes() throws Exception {
        Recording r = upload();
        Recording processing = reload(r).startAttempt(clock.instant());
        recordings.update(processing, RecordingStatus.QUEUED);
        transcripts.saveIfAbsent(Transcript.of(r.id(), engine.transcribe(writeTemp(), p -> { }), 1, clock.instant()));
        recordings.update(processing.transcribed(2.5), RecordingStatus.PROCESSING);

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        assertThat(reload(r).status()).isEqualTo(RecordingStatus.COMPLETED);
    }

    @Test
    void failuresAreRetriedWithGrowingBackoffThenFailedAndDeadLettered() throws Exception {
        engine.failNextCalls(MAX_ATTEMPTS);
        Recording r = upload();

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.RETRY_SCHEDULED);
        Recording afterFirst = reload(r);
        assertThat(afterFirst.status()).isEqualTo(RecordingStatus.PROCESSING);
        assertThat(afterFirst.errorMessage()).contains("attempt 1 of 3").contains("fake engine failure");
        assertThat(worker.runOnce()).as("hidden during the backoff").isEqualTo(JobOutcome.NO_JOB);

        clock.advance(BACKOFF.plusSeconds(1));
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.RETRY_SCHEDULED);
        clock.advance(BACKOFF.plusSeconds(1));
        assertThat(worker.runOnce()).as("second backoff is twice as long").isEqualTo(JobOutcome.NO_JOB);
        clock.advance(BACKOFF);
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.FAILED);

        Recording failed = reload(r);
        assertThat(failed.status()).isEqualTo(RecordingStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("fake engine failure");
        assertThat(failed.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(queue.snapshot().deadLettered()).isEqualTo(1);
        assertThat(transcripts.find(r.id())).isEmpty();
    }

    @Test
    void aJobWhoseWorkersKeptDyingIsFailedInsteadOfRunForever() throws Exception {
        Recording r = upload();
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            assertThat(queue.receive(Duration.ZERO)).isPresent(); // a worker takes it and dies
            clock.advance(LEASE.plusSeconds(1));
        }
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.FAILED);
        assertThat(reload(r).errorMessage()).contains("worker stopped");
        assertThat(engine.calls()).isZero();
    }

    @Test
    void startUpRecoveryQueuesWhatTheDatabaseSaysIsUnfinished() throws Exception {
        Recording r = upload();
        assertThat(queue.receive(Duration.ZERO)).isPresent();
        var freshQueue = new InMemoryJobQueue(LEASE, MAX_ATTEMPTS + 1, clock); // the old one died with its process
        assertThat(new RecoverUnfinishedJobs(recordings, new JdbiAnalyses(database.jdbi()), freshQueue).execute())
                .isEqualTo(1);
        assertThat(freshQueue.receive(Duration.ZERO).orElseThrow().job().recordingId()).isEqualTo(r.id());
    }

    @Test
    void startUpRecoveryRequeuesTheAnalysesTheDeadProcessWasRunningOrHadQueued() throws Exception {
        Recording r = upload();
        worker.runOnce();
        var analyses = new JdbiAnalyses(database.jdbi());
        Template template = StarterTemplates.LESSON_CLARITY_AND_PACE;
        new JdbiTemplates(database.jdbi(), clock).insert(template);
        Analysis wasRunning = Analysis.queued("a-run", r.id(), "s1", "t1", template, clock.instant(), clock.instant());
        analyses.insert(wasRunning);
        analyses.update(wasRunning.running("dead-run", clock.instant(), LEASE), AnalysisStatus.QUEUED);
        analyses.insert(Analysis.queued("a-queued", r.id(), "s1", "t1", template, clock.instant(), clock.instant()));
        var freshQueue = new InMemoryJobQueue(LEASE, MAX_ATTEMPTS + 1, clock);

        assertThat(new RecoverUnfinishedJobs(recordings, analyses, freshQueue).execute()).isEqualTo(1);

        assertThat(analyses.listForRecording(r.id())).extracting(Analysis::status)
                .containsOnly(AnalysisStatus.QUEUED);
        assertThat(freshQueue.receive(Duration.ZERO).orElseThrow().job().recordingId()).isEqualTo(r.id());
    }

    @Test
    void audioIsDeletedOnceTheRetentionPeriodHasPassedAndTheTranscriptStays() throws Exception {
        Recording r = upload();
        worker.runOnce();
        var retention = new ApplyRetention(recordings, new JdbiSchools(database.jdbi()),
                new JdbiSchoolSettings(database.jdbi()), audio,
                new RetentionSettings(Duration.ofHours(24), Duration.ofDays(30), Duration.ofDays(1)), clock);

        clock.advance(Duration.ofHours(23));
        assertThat(retention.execute().audioDeleted()).isZero();
        assertThat(audio.exists(r.audioKey())).isTrue();

        clock.advance(Duration.ofHours(2));
        assertThat(retention.execute().audioDeleted()).isEqualTo(1);
        assertThat(audio.exists(r.audioKey())).isFalse();
        assertThat(reload(r).hasAudio()).isFalse();
        assertThat(transcripts.find(r.id())).isPresent();
        assertThat(retention.execute().audioDeleted()).as("nothing left to delete").isZero();
    }

    @Test
    void oneAudioFileThatCannotBeDeletedNeverKeepsTheOthers() throws Exception {
        Recording stuck = upload();
        worker.runOnce();
        Recording other = upload();
        worker.runOnce();
        AudioStore failingForOne = new AudioStore() {
            public void put(String key, java.io.InputStream content) throws java.io.IOException {
                audio.put(key, content);
            }

            public java.io.InputStream open(String key) throws java.io.IOException {
                return audio.open(key);
            }

            public void delete(String key) throws java.io.IOException {
                if (key.equals(stuck.audioKey())) {
                    throw new java.io.IOException("access denied");
                }
                audio.delete(key);
            }

            public boolean exists(String key) throws java.io.IOException {
                return audio.exists(key);
            }
        };
        clock.advance(Duration.ofHours(25));

        var report = new ApplyRetention(recordings, new JdbiSchools(database.jdbi()),
                new JdbiSchoolSettings(database.jdbi()), failingForOne,
                new RetentionSettings(Duration.ofHours(24), Duration.ofDays(30), Duration.ofDays(1)), clock).execute();

        assertThat(report.audioDeleted()).isEqualTo(1);
        assertThat(report.failures()).isEqualTo(1);
        assertThat(audio.exists(other.audioKey())).isFalse();
        assertThat(reload(stuck).hasAudio()).as("tried again on the next run").isTrue();
    }

    private Path writeTemp() throws Exception {
        Path p = Files.createTempFile(dir, "audio", ".wav");
        Files.write(p, WAV);
        return p;
    }

    /** A minimal WAV header followed by silence. */
    /** A real 16 kHz 16-bit mono WAV (a quiet tone), since uploads are decoded before they are queued. */
    private static byte[] wav(int dataBytes) {
        byte[] pcm = new byte[dataBytes];
        for (int i = 0; i + 1 < dataBytes; i += 2) {
            short sample = (short) (1000 * Math.sin(i / 2 * 2 * Math.PI * 440 / 16_000));
            pcm[i] = (byte) sample;
            pcm[i + 1] = (byte) (sample >> 8);
        }
        AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, dataBytes / 2L),
                    AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
