package org.classreflect.sdk;

import org.classreflect.core.accesslog.AccessLog;
import org.classreflect.core.erasure.AccountRemoval;
import org.classreflect.core.erasure.ErasureRequests;
import org.classreflect.core.redaction.RedactingTranscripts;
import org.classreflect.core.redaction.SchoolPrivacySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.classreflect.core.admin.UsageStatistics;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.report.TeacherGoals;
import org.classreflect.core.school.SchoolSettings;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.core.template.Templates;
import org.classreflect.core.apitoken.ApiTokens;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.health.AudioStoreProbe;
import org.classreflect.core.health.HealthProbe;
import org.classreflect.core.health.TranscriberProbe;
import org.classreflect.core.inmemory.InMemoryAudioStore;
import org.classreflect.core.inmemory.InMemoryJobQueue;
import org.classreflect.core.inmemory.ThreadLocalLogContext;
import org.classreflect.core.deletion.ApplyRetention;
import org.classreflect.core.recording.RecordingChanges;
import org.classreflect.core.recording.RecordingTextSearch;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.rubric.RubricAnalyzer;
import org.classreflect.core.school.PasswordHasher;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.PasswordPolicy;
import org.classreflect.core.school.TokenService;
import org.classreflect.core.school.Users;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.DirectUploads;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.system.SystemChoicesStore;
import org.classreflect.core.telemetry.LogContext;
import org.classreflect.core.telemetry.WorkMetrics;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.Transcripts;

/**
 * ClassReflect, embedded: the one way in for a host system. Choose the adapters with {@link #builder()}; then use
 * the capabilities it hands out, each use case checking the acting user's rights exactly as the HTTP API does. Close
 * it to stop its workers and release what it opened.
 *
 * <pre>{@code
 * try (ClassReflect classReflect = ClassReflect.builder().transcriber(myEngine).workers(1).build()) {
 *     Actor teacher = classReflect.identities().actAs().execute(hostUserId).orElseThrow();
 *     classReflect.recordings().upload().execute(teacher, command);
 * }
 * }</pre>
 */
public final class ClassReflect implements AutoCloseable {

    private final Adapters adapters;
    private final Limits limits;
    private final EmbeddedComponent graph;
    private final boolean queueDiesWithProcess;
    private final List<AutoCloseable> owned;

    private ClassReflect(Adapters adapters, Limits limits, boolean queueDiesWithProcess, List<AutoCloseable> owned) {
        this.adapters = adapters;
        this.limits = limits;
        this.queueDiesWithProcess = queueDiesWithProcess;
        this.owned = owned;
        this.graph = DaggerEmbeddedComponent.factory().create(adapters, limits.upload(), limits.audioCheck(),
                limits.worker(), limits.retention(), limits.accessLog());
    }

    public static Builder builder() {
        return new Builder();
    }

    public RecordingUseCases recordings() {
        return new RecordingUseCases(graph.uploadRecording(), graph.importTranscript(), graph.listRecordings(),
                graph.getRecording(), graph.getRecordingAudio(), graph.getTranscript(), graph.retryRecording(),
                graph.deleteRecording());
    }

    public AnalysisUseCases analyses() {
        return new AnalysisUseCases(graph.manageTemplates(), graph.requestAnalysis(), graph.readAnalyses());
    }

    public SchoolUseCases schools() {
        return new SchoolUseCases(graph.listSchools(), graph.listUsers());
    }

    /**
     * For a school system that signs its own users in: upsert its schools and users by its own ids, and get the
     * actor of a user it has authenticated. No actor is asked for: only the host process itself should call these.
     */
    public IdentityUseCases identities() {
        return new IdentityUseCases(graph.upsertSchool(), graph.upsertUser(), graph.actAsHostUser());
    }

    /**
     * Starts {@code count} worker threads that transcribe and analyse queued recordings. With a queue that lives in
     * this process, whatever the store says is unfinished is queued again first.
     */
    public void startWorkers(int count) {
        requeueIfTheQueueDiedWithTheProcess();
        graph.workerRuntime().startWorkers(count);
    }

    /**
     * Runs one worker on the calling thread, for a worker process; returns the number of jobs completed after that
     * many empty polls in a row (0: only when stopped through {@link #workers()}).
     */
    public int runWorker(int stopAfterEmptyPolls) {
        requeueIfTheQueueDiedWithTheProcess();
        return graph.workerRuntime().runInForeground(stopAfterEmptyPolls);
    }

    private void requeueIfTheQueueDiedWithTheProcess() {
        if (queueDiesWithProcess) {
            graph.workerRuntime().recoverUnfinishedJobs();
        }
    }

    /** The worker threads and the retention task, for a host that runs them itself (a worker process). */
    public WorkerRuntime workers() {
        return graph.workerRuntime();
    }

    /**
     * Deletes audio past its retention and uploads that never finished, once; scratch files older than
     * {@link ScratchSweeper#SAFE_AGE}; and stored audio no recording names, older than
     * {@link org.classreflect.core.recording.SweepUnnamedAudio#SAFE_AGE}.
     */
    public ApplyRetention.Report applyRetention() {
        ApplyRetention.Report report = graph.applyRetention().execute();
        graph.workerRuntime().sweepOldScratch();
        graph.workerRuntime().sweepUnnamedAudio();
        return report;
    }

    /** The adapters chosen: for object graphs built on top of this one, such as the HTTP API. */
    public Adapters adapters() {
        return adapters;
    }

    public Limits limits() {
        return limits;
    }

    /** Stops the workers (a job in progress goes back to the queue) and closes what the builder opened. */
    @Override
    public void close() {
        graph.workerRuntime().stop(Duration.ZERO);
        RuntimeException failure = null;
        for (int i = owned.size() - 1; i >= 0; i--) {
            AutoCloseable resource = owned.get(i);
            try {
                resource.close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("cannot close " + resource, e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Chooses an adapter for each port; every choice has a default that needs no server and no native library. */
    public static final class Builder {

        private StorePorts stores;
        private org.classreflect.adapters.sql.Database database;
        private AudioStore audioStore;
        private JobQueue jobQueue;
        private Transcriber transcriber;
        private RubricAnalyzer rubric = request -> null;
        private AudioDecoder decoder;
        private SpeakerEstimator speakers;
        private PasswordHasher passwords;
        private TokenService tokens;
        private PasswordPolicy passwordPolicy;
        private Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        private Limits limits;
        private WorkMetrics metrics = WorkMetrics.NONE;
        private LogContext logContext = new ThreadLocalLogContext();
        private Path scratchDir;
        private int workers;
        private boolean readyWithoutSpeech;
        private final List<HealthProbe> probes = new ArrayList<>();
        private final List<AutoCloseable> owned = new ArrayList<>();

        private Builder() {
        }

        /** The host's own implementation of every store (default: in memory). */
        public Builder stores(StorePorts stores) {
            this.stores = stores;
            return this;
        }

        /**
         * Keep everything in a SQL database the host pools itself (MySQL, Aurora MySQL, MariaDB, or H2 in MySQL mode);
         * ClassReflect's tables are created or migrated at once. Needs classreflect-adapters-sql.
         */
        public Builder dataSource(DataSource dataSource) {
            return database(org.classreflect.adapters.sql.Database.on(dataSource));
        }

        /** Keep everything in this database; it is closed with ClassReflect. Needs classreflect-adapters-sql. */
        public Builder database(org.classreflect.adapters.sql.Database database) {
            owned.add(database);
            probes.add(new org.classreflect.adapters.sql.DatabaseProbe(database.jdbi()));
            this.database = database;
            return this;
        }

        /** Where lesson audio is kept (default: in memory). */
        public Builder audioStore(AudioStore audioStore) {
            this.audioStore = audioStore;
            return this;
        }

        /** Keep lesson audio in files under this directory. Needs classreflect-adapters-files. */
        public Builder audioDirectory(Path directory) {
            return audioStore(new org.classreflect.adapters.files.FilesystemAudioStore(directory));
        }

        /** The queue jobs travel through (default: one in this process, refilled from the store at start). */
        public Builder jobQueue(JobQueue jobQueue) {
            this.jobQueue = jobQueue;
            return this;
        }

        /** The speech engine: the host's own, or one of classreflect-adapters-speech (see {@link #whisper}). */
        public Builder transcriber(Transcriber transcriber) {
            this.transcriber = transcriber;
            return this;
        }

        /**
         * Whisper (whisper.cpp) with this ggml model file, its loaded models freed when the {@link ClassReflect} is
         * closed. Needs classreflect-adapters-speech.
         */
        public Builder whisper(Path model) {
            this.transcriber = SpeechEngines.whisper(model, decoderOrDefault());
            if (transcriber instanceof AutoCloseable loadedModels) {
                owned.add(loadedModels);
            }
            return this;
        }

        /** The pocketsphinx command-line recogniser (Debian: pocketsphinx, pocketsphinx-en-us). */
        public Builder pocketsphinx() {
            this.transcriber = SpeechEngines.pocketsphinx(decoderOrDefault());
            return this;
        }

        /** Rubric feedback from a language model (default: none, so analyses carry measured metrics only). */
        public Builder rubricAnalyzer(RubricAnalyzer rubric) {
            this.rubric = rubric;
            return this;
        }

        /** How audio is decoded (default: FFmpeg when classreflect-adapters-audio is there, else none). */
        public Builder audioDecoder(AudioDecoder decoder) {
            this.decoder = decoder;
            return this;
        }

        public Builder speakerEstimator(SpeakerEstimator speakers) {
            this.speakers = speakers;
            return this;
        }

        /** Password sign-in, for the standalone product; an embedder signs its users in itself. */
        public Builder passwords(PasswordHasher passwords, TokenService tokens) {
            this.passwords = passwords;
            this.tokens = tokens;
            return this;
        }

        /** How strong chosen passwords must be (default: nbvcxz when classreflect-adapters-security is there). */
        public Builder passwordPolicy(PasswordPolicy passwordPolicy) {
            this.passwordPolicy = passwordPolicy;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Where the work's measurements go (default: nowhere); the apps hand them to Micrometer. */
        public Builder workMetrics(WorkMetrics metrics) {
            this.metrics = metrics;
            return this;
        }

        /** What log lines carry besides their message (default: a per-thread map); the apps use SLF4J's MDC. */
        public Builder logContext(LogContext logContext) {
            this.logContext = logContext;
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = limits;
            return this;
        }

        /** Where uploads are probed and jobs keep their working copies (default: a new folder in java.io.tmpdir). */
        public Builder scratchDirectory(Path scratchDir) {
            this.scratchDir = scratchDir;
            return this;
        }

        /** Worker threads started by {@link #build()} (default 0: call {@link ClassReflect#startWorkers} later). */
        public Builder workers(int workers) {
            if (workers < 0) {
                throw new IllegalArgumentException("workers must be 0 or more");
            }
            this.workers = workers;
            return this;
        }

        /** This process runs no workers, so readiness does not wait for a speech model. */
        public Builder readyWithoutSpeech() {
            this.readyWithoutSpeech = true;
            return this;
        }

        /** Also report this to readiness checks. */
        public Builder healthProbe(HealthProbe probe) {
            probes.add(probe);
            return this;
        }

        /** Closed when ClassReflect closes (a connection pool, clients the adapters share). */
        public Builder closeWith(AutoCloseable resource) {
            owned.add(resource);
            return this;
        }

        public ClassReflect build() {
            if (transcriber == null) {
                throw new IllegalStateException("choose a speech engine: transcriber(...), whisper(model) or "
                        + "pocketsphinx()");
            }
            Limits chosenLimits = limits != null ? limits : Limits.defaults(scratch());
            boolean inProcessQueue = jobQueue == null;
            JobQueue queue = inProcessQueue ? new InMemoryJobQueue(chosenLimits.worker().lease(),
                    chosenLimits.worker().maxAttempts() + 1, clock) : jobQueue;
            AudioStore audio = audioStore != null ? audioStore : new InMemoryAudioStore();
            List<HealthProbe> allProbes = new ArrayList<>(probes);
            allProbes.add(new AudioStoreProbe(audio, chosenLimits.upload().minFreeBytes()));
            if (!readyWithoutSpeech) {
                allProbes.add(new TranscriberProbe(transcriber));
            }
            StorePorts s = stores != null ? stores
                    : database != null ? SqlStorePorts.on(database, clock) : StorePorts.inMemory();
            // one home for keeping students' names out: every transcript is stored through it
            Transcripts transcripts = new RedactingTranscripts(s.transcripts(), s.recordings(), s.users(),
                    s.schoolPrivacy());
            Adapters adapters = new ChosenAdapters(s.schools(), s.users(), s.recordings(), s.recordingTextSearch(),
                    s.recordingChanges(), transcripts, s.analyses(), s.templates(), s.schoolSettings(),
                    s.systemChoices(), s.apiTokens(), s.usageStatistics(), s.teacherGoals(), s.accessLog(),
                    s.erasureRequests(), s.accountRemoval(), s.schoolPrivacy(), audio,
                    audio instanceof DirectUploads direct ? Optional.of(direct) : Optional.empty(), queue, transcriber,
                    rubric, decoderOrDefault(), speakers != null ? speakers : OptionalAdapters.speakerEstimator(),
                    passwords, tokens, passwordPolicy != null ? passwordPolicy : OptionalAdapters.passwordPolicy(),
                    clock, metrics, logContext, Set.copyOf(allProbes));
            ClassReflect classReflect = new ClassReflect(adapters, chosenLimits, inProcessQueue, List.copyOf(owned));
            classReflect.graph.seedStarterTemplates().execute();
            // Before any worker runs: whatever is in the scratch directories was left by a process that died.
            ScratchSweeper sweeper = new ScratchSweeper(List.of(chosenLimits.worker().scratchDir(),
                    chosenLimits.audioCheck().scratchDir()), Clock.systemUTC());
            sweeper.sweepAll();
            classReflect.graph.workerRuntime().sweepHourly(sweeper);
            audio.leftoverWrites().map(l -> ScratchSweeper.leftovers(l, Clock.systemUTC())).ifPresent(leftovers -> {
                leftovers.sweepAll();
                classReflect.graph.workerRuntime().sweepHourly(leftovers);
            });
            if (workers > 0) {
                classReflect.startWorkers(workers);
            }
            return classReflect;
        }

        private AudioDecoder decoderOrDefault() {
            if (decoder == null) {
                decoder = OptionalAdapters.decoder();
            }
            return decoder;
        }

        private Path scratch() {
            if (scratchDir != null) {
                return scratchDir;
            }
            try {
                return Files.createTempDirectory("classreflect-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a scratch directory; choose one with scratchDirectory",
                        e);
            }
        }
    }

    private record ChosenAdapters(Schools schools, Users users, Recordings recordings,
                                  RecordingTextSearch recordingTextSearch, RecordingChanges recordingChanges,
                                  Transcripts transcripts, Analyses analyses,
                                  Templates templates, SchoolSettings schoolSettings, SystemChoicesStore systemChoices,
                                  ApiTokens apiTokens, UsageStatistics usageStatistics, TeacherGoals teacherGoals,
                                  AccessLog accessLog, ErasureRequests erasureRequests, AccountRemoval accountRemoval,
                                  SchoolPrivacySettings schoolPrivacySettings,
                                  AudioStore audioStore,
                                  Optional<DirectUploads> directUploads, JobQueue jobQueue, Transcriber transcriber,
                                  RubricAnalyzer rubricAnalyzer, AudioDecoder audioDecoder,
                                  SpeakerEstimator speakerEstimator, PasswordHasher passwordHasher,
                                  TokenService tokenService, PasswordPolicy passwordPolicy, Clock clock,
                                  WorkMetrics workMetrics, LogContext logContext, Set<HealthProbe> healthProbes)
            implements Adapters {
    }
}
