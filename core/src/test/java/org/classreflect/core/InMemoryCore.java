package org.classreflect.core;

import org.classreflect.core.inmemory.ThreadLocalLogContext;
import org.classreflect.core.telemetry.WorkMetrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.classreflect.core.accesslog.RecordAccess;
import org.classreflect.core.analysis.AnalyzeRecording;
import org.classreflect.core.analysis.RequestAnalysis;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.audio.UndecodableAudioException;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.deletion.ApplyRetention;
import org.classreflect.core.deletion.DeleteRecording;
import org.classreflect.core.deletion.RetentionSettings;
import org.classreflect.core.deletion.ScratchCopies;
import org.classreflect.core.inmemory.InMemoryAudioStore;
import org.classreflect.core.inmemory.InMemoryJobQueue;
import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.core.erasure.CarryOutErasure;
import org.classreflect.core.erasure.RequestErasure;
import org.classreflect.core.metrics.Speaker;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.core.pipeline.ProcessNextJob;
import org.classreflect.core.pipeline.RecoverUnfinishedJobs;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.AudioCheckSettings;
import org.classreflect.core.recording.GetRecording;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RetryRecording;
import org.classreflect.core.recording.StoredAudioCheck;
import org.classreflect.core.recording.UploadLimits;
import org.classreflect.core.recording.UploadRecording;
import org.classreflect.core.report.ReadAnalyses;
import org.classreflect.core.rubric.RubricAnalyzer;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.ChangePassword;
import org.classreflect.core.school.CreateSchool;
import org.classreflect.core.school.CreateUser;
import org.classreflect.core.school.ListUsers;
import org.classreflect.core.school.LogIn;
import org.classreflect.core.school.ManageUser;
import org.classreflect.core.school.PasswordHasher;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.School;
import org.classreflect.core.school.ScoreVisibility;
import org.classreflect.core.school.TokenService;
import org.classreflect.core.school.PasswordPolicy;
import org.classreflect.core.school.LoginThrottle;
import org.classreflect.core.session.AuthenticateAccessToken;
import org.classreflect.core.session.SignOut;
import org.classreflect.core.apitoken.AuthenticateApiToken;
import org.classreflect.core.apitoken.CreateApiToken;
import org.classreflect.core.school.User;
import org.classreflect.core.schoolsettings.ManageSchoolSettings;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.template.ManageTemplates;
import org.classreflect.core.template.SeedStarterTemplates;
import org.classreflect.core.transcript.GetTranscript;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.core.transcript.Word;

/**
 * The core wired by hand over its in-memory ports, with a movable clock, a fake transcriber and a fake decoder, and
 * seeded with two schools: Oak (a manager, teachers Ada and Bob) and Elm (a manager, teacher Eve). Each use case is
 * built fresh by its method, over the same shared state.
 */
public final class InMemoryCore {

    public static final Instant START = Instant.parse("2026-09-01T08:00:00Z");
    public static final int MAX_ATTEMPTS = 3;
    public static final Duration LEASE = Duration.ofMinutes(10);
    public static final Duration BACKOFF = Duration.ofSeconds(30);
    public static final long MAX_UPLOAD_BYTES = 64 * 1024;
    public static final String PASSWORD = "correct horse battery";

    public final MutableClock clock = new MutableClock(START);
    public final InMemoryStores stores = new InMemoryStores(clock);
    public final TrackedAudio audio = new TrackedAudio(clock);
    public final InMemoryJobQueue queue = new InMemoryJobQueue(LEASE, MAX_ATTEMPTS + 1, clock);
    public final FakeTranscriber transcriber = new FakeTranscriber();
    public final FakeDecoder decoder = new FakeDecoder();
    /** The speaker estimator analyses use (read at each analysis); by default every utterance is the teacher's. */
    public volatile SpeakerEstimator speakers = (utterances, samples) -> new SpeakerEstimate(
            Collections.nCopies(utterances.size(), Speaker.TEACHER), 0.9, "fake: all teacher");
    public final AccessPolicy policy = new AccessPolicy();
    public final PasswordHasher hasher = new PlainHasher();
    public final TokenService tokens = new FakeTokens();
    /** Refuses passwords containing "password" or the person's own words, like the real policy would. */
    public final PasswordPolicy passwordPolicy = (password, words) -> {
        String lower = password.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("password")) {
            return Optional.of("this is a very common password");
        }
        return words.stream().filter(w -> lower.contains(w)).findFirst()
                .map(w -> "the password must not contain your own name or email");
    };
    public final LoginThrottle throttle = new LoginThrottle(clock);
    /** The language model's stand-in: none configured, unless a test puts one here. */
    public volatile RubricAnalyzer rubric = request -> null;
    private final Path scratch;

    public final School oak;
    public final School elm;
    public final User oakManager;
    public final User ada;
    public final User bob;
    public final User elmManager;
    public final User eve;
    public final Actor admin = Actor.SYSTEM;

    public InMemoryCore(Path scratch) {
        this.scratch = scratch;
        oak = school("oak", "Oak Primary");
        elm = school("elm", "Elm Primary");
        oakManager = user("oak-manager", oak, "manager@oak.test", "Mona", Role.SCHOOL_MANAGER);
        ada = user("ada", oak, "ada@oak.test", "Ada", Role.TEACHER);
        bob = user("bob", oak, "bob@oak.test", "Bob", Role.TEACHER);
        elmManager = user("elm-manager", elm, "manager@elm.test", "Max", Role.SCHOOL_MANAGER);
        eve = user("eve", elm, "eve@elm.test", "Eve", Role.TEACHER);
    }

    private School school(String id, String name) {
        School school = new School(id, name, START, null);
        stores.schools().insert(school);
        return school;
    }

    private User user(String id, School school, String email, String name, Role role) {
        User user = new User(id, school.id(), email, name, role, hasher.hash(PASSWORD), true, false, START, null);
        stores.users().insert(user);
        return user;
    }

    // ---- use cases ----------------------------------------------------------------------------------------------

    public UploadRecording uploadRecording() {
        StoredAudioCheck check = new StoredAudioCheck(audio, decoder,
                new AudioCheckSettings(AudioCheckSettings.DEFAULT_MAX_DURATION, scratch.resolve("probe")));
        return new UploadRecording(stores.recordings(), stores.users(), audio, queue, policy,
                new UploadLimits(MAX_UPLOAD_BYTES), check, requestAnalysis(), clock, WorkMetrics.NONE, new ThreadLocalLogContext());
    }

    public WorkerSettings workerSettings() {
        return new WorkerSettings(MAX_ATTEMPTS, LEASE, BACKOFF, Duration.ofMillis(5), scratch.resolve("worker"));
    }

    public AnalyzeRecording analyzeRecording() {
        return new AnalyzeRecording(stores.analyses(), stores.templates(), stores.transcripts(), stores.recordings(),
                stores.schoolSettings(), audio, decoder, (utterances, samples) -> speakers.estimate(utterances, samples),
                request -> rubric.analyze(request), workerSettings(), clock, WorkMetrics.NONE);
    }

    public ProcessNextJob processNextJob() {
        return new ProcessNextJob(queue, stores.recordings(), stores.transcripts(), audio, transcriber,
                analyzeRecording(), workerSettings(), clock, WorkMetrics.NONE, new ThreadLocalLogContext());
    }

    public RequestAnalysis requestAnalysis() {
        return new RequestAnalysis(stores.analyses(), stores.templates(), stores.recordings(), stores.schoolSettings(),
                queue, policy, clock);
    }

    public ReadAnalyses readAnalyses() {
        return new ReadAnalyses(stores.analyses(), stores.recordings(), stores.users(),
                new ScoreVisibility(stores.schoolSettings()), policy);
    }

    public SeedStarterTemplates seedStarterTemplates() {
        return new SeedStarterTemplates(stores.templates());
    }

    public ManageTemplates manageTemplates() {
        return new ManageTemplates(stores.templates(), policy, new ScoreVisibility(stores.schoolSettings()));
    }

    public CreateSchool createSchool() {
        return new CreateSchool(stores.schools(), policy, clock);
    }

    public CreateUser createUser() {
        return new CreateUser(stores.users(), stores.schools(), hasher, passwordPolicy, policy, clock);
    }

    public ManageUser manageUser() {
        return new ManageUser(stores.users(), hasher, policy);
    }

    public ListUsers listUsers() {
        return new ListUsers(stores.users(), policy);
    }

    public LogIn logIn() {
        return new LogIn(stores.users(), hasher, tokens, throttle);
    }

    public AuthenticateAccessToken authenticateAccessToken() {
        return new AuthenticateAccessToken(tokens, new AuthenticateApiToken(stores.apiTokens(), stores.users(), clock),
                stores.users());
    }

    public SignOut signOut() {
        return new SignOut(authenticateAccessToken(), stores.users());
    }

    public CreateApiToken createApiToken() {
        return new CreateApiToken(stores.apiTokens(), stores.users(), clock);
    }

    public ApplyRetention applyRetention(RetentionSettings settings) {
        return new ApplyRetention(stores.recordings(), stores.schools(), stores.schoolSettings(), audio, settings,
                clock);
    }

    public RetryRecording retryRecording() {
        return new RetryRecording(new GetRecording(stores.recordings(), policy), stores.recordings(), queue, clock);
    }

    public GetTranscript getTranscript() {
        return new GetTranscript(new GetRecording(stores.recordings(), policy), stores.transcripts());
    }

    public RecoverUnfinishedJobs recoverUnfinishedJobs() {
        return new RecoverUnfinishedJobs(stores.recordings(), stores.analyses(), queue);
    }

    public ManageSchoolSettings manageSchoolSettings(RetentionSettings retention) {
        return new ManageSchoolSettings(stores.schoolSettings(), stores.schools(), stores.templates(), policy,
                retention);
    }

    public ChangePassword changePassword() {
        return new ChangePassword(stores.users(), hasher, passwordPolicy, tokens);
    }

    public RecordAccess recordAccess() {
        return new RecordAccess(stores.accessLog(), stores.recordings(), stores.users(), stores.templates(), clock);
    }

    public RequestErasure requestErasure() {
        return new RequestErasure(stores.erasureRequests(), stores.users(), stores.schools(), policy, clock);
    }

    public CarryOutErasure carryOutErasure() {
        return new CarryOutErasure(stores.erasureRequests(), stores.accountRemoval(), stores.users(),
                stores.recordings(), stores.transcripts(), stores.analyses(), stores.apiTokens(), stores.templates(),
                deleteRecording(), recordAccess(), clock);
    }

    public DeleteRecording deleteRecording() {
        return new DeleteRecording(new GetRecording(stores.recordings(), policy), stores.recordings(),
                stores.transcripts(), stores.analyses(), audio, new ScratchCopies(workerSettings()));
    }

    // ---- shortcuts ----------------------------------------------------------------------------------------------

    /** Something that starts like a WAV file, padded to {@code size} bytes. */
    public static byte[] wav(int size) {
        byte[] bytes = new byte[Math.max(size, 16)];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        System.arraycopy("WAVE".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 4);
        return bytes;
    }

    /** A real WAV file of {@code frames} frames (of varied bytes), as the JDK's own writer writes it. */
    public static byte[] jdkWav(javax.sound.sampled.AudioFormat format, int frames) {
        byte[] samples = new byte[frames * format.getFrameSize()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) (i * 7);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(
                    new ByteArrayInputStream(samples), format, frames), javax.sound.sampled.AudioFileFormat.Type.WAVE,
                    out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public Result<Recording> upload(Actor actor, String teacherId, byte[] content) {
        try {
            return uploadRecording().execute(actor, new UploadRecording.Command(teacherId,
                    new RecordingMetadata("5B", "Science", "5", null), "lesson.wav", null,
                    new ByteArrayInputStream(content)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ada's lesson, uploaded by Ada. */
    public Recording uploadAsAda() {
        return upload(ada.asActor(), null, wav(4000)).orElseThrow();
    }

    public Recording recording(String id) {
        return stores.recordings().find(id).orElseThrow();
    }

    public static Rejection.Reason reason(Result<?> result) {
        if (!(result instanceof Result.Rejected<?> rejected)) {
            throw new AssertionError("expected a rejection, got " + result);
        }
        return rejected.rejection().reason();
    }

    // ---- fakes --------------------------------------------------------------------------------------------------

    /** Returns a short lesson with questions; counts calls; fails the next n calls on request. */
    public static final class FakeTranscriber implements Transcriber {

        public static final List<Segment> LESSON = List.of(
                new Segment(0.0, 10.0, "Good morning everyone. Today we learn about plants and how they grow.", 0.9),
                new Segment(11.0, 14.0, "What do plants need to grow?", 0.9),
                new Segment(18.0, 20.0, "Water and sunlight.", 0.9),
                new Segment(20.5, 24.5, "Excellent, well done. Why do you think sunlight matters?", 0.9),
                new Segment(26.0, 29.0, "Because it gives them energy.", 0.9),
                new Segment(29.5, 33.5, "Right. Does that make sense?", 0.9));

        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private volatile Runnable during = () -> { };
        /** False: the engine says it cannot work now (no model loaded, say). */
        public volatile boolean ready = true;
        /** How sure the engine is of every word it hears. */
        public volatile double wordConfidence = 0.9;

        public int calls() {
            return calls.get();
        }

        public void failNextCalls(int n) {
            failuresLeft.set(n);
        }

        /** Runs inside every transcription, to look at the world while it happens. */
        public void whileTranscribing(Runnable action) {
            during = action;
        }

        @Override
        public TranscriberStatus status() {
            return ready ? TranscriberStatus.ready("fake", "fake-1") : TranscriberStatus.unavailable("fake", "no model");
        }

        @Override
        public Transcription transcribe(Path audio, TranscriptionProgress progress) throws TranscriptionException {
            calls.incrementAndGet();
            during.run();
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new TranscriptionException("fake engine failure");
            }
            progress.percent(50);
            List<Word> words = new ArrayList<>();
            for (Segment s : LESSON) {
                String[] tokens = s.text().split(" ");
                double step = (s.end() - s.start()) / tokens.length;
                for (int i = 0; i < tokens.length; i++) {
                    words.add(new Word(s.start() + i * step, s.start() + (i + 1) * step, tokens[i], wordConfidence));
                }
            }
            return new Transcription("en", "fake", "fake-1", LESSON, words, 33.5);
        }
    }

    /** Takes a file that starts like a WAV for audio of {@link #durationSeconds}; anything else is undecodable. */
    public static final class FakeDecoder implements AudioDecoder {

        public volatile double durationSeconds = 33.5;
        /** When set, decoding fails as for a file FFmpeg cannot read. */
        public volatile boolean undecodable;
        /** What decoding finds; NaN: the same as the header claims ({@link #durationSeconds}). */
        public volatile double decodedSeconds = Double.NaN;
        public final java.util.concurrent.atomic.AtomicLong samplesDecoded = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public AudioInfo probe(Path file) throws IOException, UndecodableAudioException {
            requireWav(file);
            return new AudioInfo("wav", durationSeconds, SAMPLE_RATE, 1);
        }

        @Override
        public void decode(Path file, int chunkSamples, Consumer<float[]> chunks)
                throws IOException, UndecodableAudioException {
            requireWav(file);
            if (undecodable) {
                throw new UndecodableAudioException("invalid data found when processing input");
            }
            long total = Math.round((Double.isNaN(decodedSeconds) ? durationSeconds : decodedSeconds) * SAMPLE_RATE);
            for (long done = 0; done < total; done += chunkSamples) {
                float[] chunk = new float[(int) Math.min(chunkSamples, total - done)];
                Arrays.fill(chunk, 0.1f);
                samplesDecoded.addAndGet(chunk.length);
                chunks.accept(chunk);
            }
        }

        private static void requireWav(Path file) throws IOException, UndecodableAudioException {
            byte[] head;
            try (var in = Files.newInputStream(file)) {
                head = in.readNBytes(12);
            }
            String s = new String(head, StandardCharsets.US_ASCII);
            if (head.length < 12 || !s.startsWith("RIFF") || !s.substring(8).equals("WAVE")) {
                throw new UndecodableAudioException("not a WAV file");
            }
        }
    }

    /** An {@link InMemoryAudioStore} that can also tell which keys it holds, and lists them as a lasting store does. */
    public static final class TrackedAudio implements AudioStore {

        private final InMemoryAudioStore store = new InMemoryAudioStore();
        private final java.time.Clock clock;
        private final Map<String, StoredAudio> written = new ConcurrentHashMap<>();
        public volatile org.classreflect.core.storage.StoreCapacity capacity =
                org.classreflect.core.storage.StoreCapacity.UNKNOWN;
        /** When set, a put reads some of the content and then fails with this (e.g. a disk that fills up). */
        public volatile IOException failPutWith;
        /** When 0 or more: how many deletes succeed before every further one fails (a store that goes away). */
        public final AtomicInteger deletesBeforeFailure = new AtomicInteger(-1);

        @Override
        public org.classreflect.core.storage.StoreCapacity capacity() {
            return capacity;
        }

        public TrackedAudio(java.time.Clock clock) {
            this.clock = clock;
        }

        public Set<String> keys() {
            return Set.copyOf(written.keySet());
        }

        /** Written when the clock said so, as a file's or an object's time is. */
        @Override
        public java.util.stream.Stream<StoredAudio> stored() {
            return List.copyOf(written.values()).stream();
        }

        @Override
        public void put(String key, InputStream content) throws IOException {
            if (failPutWith != null) {
                content.readNBytes(100);
                throw failPutWith;
            }
            byte[] bytes = content.readAllBytes();
            store.put(key, new ByteArrayInputStream(bytes));
            written.put(key, new StoredAudio(key, bytes.length, clock.instant()));
        }

        @Override
        public InputStream open(String key) throws IOException {
            return store.open(key);
        }

        @Override
        public void delete(String key) throws IOException {
            if (deletesBeforeFailure.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0) {
                throw new IOException("the audio store went away");
            }
            store.delete(key);
            written.remove(key);
        }

        @Override
        public boolean exists(String key) throws IOException {
            return store.exists(key);
        }
    }

    /** "Hashes" by prefixing: enough to tell a right password from a wrong one. */
    public static final class PlainHasher implements PasswordHasher {

        @Override
        public String hash(String password) {
            return "plain:" + password;
        }

        @Override
        public boolean verify(String password, String hash) {
            return !hash.isEmpty() && hash.equals(hash(password));
        }
    }

    public static final class FakeTokens implements TokenService {

        /** Unsigned: "token|user|role|school|version". */
        @Override
        public AccessToken issue(Actor actor, long tokenVersion) {
            return new AccessToken(String.join("|", "token", actor.userId(), actor.role().wireName(),
                    String.valueOf(actor.schoolId()), Long.toString(tokenVersion)), Instant.MAX);
        }

        @Override
        public Optional<Verified> read(String token) {
            String[] parts = token == null ? new String[0] : token.split("\\|");
            if (parts.length != 5 || !parts[0].equals("token")) {
                return Optional.empty();
            }
            return Role.fromWireName(parts[2]).map(role -> new Verified(
                    new Actor(parts[1], role, parts[3].equals("null") ? null : parts[3]), Long.parseLong(parts[4])));
        }
    }
}
