package org.classreflect.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.classreflect.core.template.StarterTemplates;

/**
 * Starts the product ({@link CrashLoopServerMain}) as a child JVM against one data directory, drives load at it
 * (audio uploads, transcript imports, analysis requests), kills it with SIGKILL at a seeded random moment (during its
 * start, including the very first one with its migrations, during uploads, transcription and analysis), restarts it,
 * and checks after every restart: it starts and /health answers; every recording and analysis has a legal status; no
 * recording has more than one transcript; no analysis is duplicated or lost; no child process of the killed JVM
 * outlived it; no scratch file older than the restart is left in tmp/.
 *
 * <p>Run: {@code CrashLoopTest} (a bounded run in {@code ./mvnw verify}); 200 kills with {@code -Dcrashloop.kills=200}.
 */
public final class CrashLoopHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RECORDING_STATUSES = Set.of("uploading", "queued", "processing", "transcribed",
            "completed", "failed");
    private static final Set<String> ANALYSIS_STATUSES = Set.of("queued", "running", "completed", "failed");
    private static final String TEMPLATE = StarterTemplates.QUESTIONING_AND_WAIT_TIME.id();
    private static final String TEACHER = "crash-teacher@crash.test";
    private static final String TEACHER_PASSWORD = "crash-loop teacher walks the quiet harbour";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String SRT = """
            1
            00:00:01,000 --> 00:00:03,000
            Good morning. Why does water evaporate from the sea?

            2
            00:00:04,000 --> 00:00:06,000
            Because the sun heats it and the water turns into vapour.
            """;

    /** What one run found. */
    public record Report(int kills, int killsDuringStart, int killsDuringUpload, int killsDuringTranscription,
                         int killsWithAnalysisPending, int restarts, int unusableStarts, int illegalStates,
                         int duplicates, int lost, int orphans, int leftoverScratchFiles, double meanSecondsToReady,
                         double maxSecondsToReady, Duration elapsed, List<String> findings) {

        public String table() {
            return String.format(Locale.ROOT, """
                    | kills | during start | during upload | during transcription | analysis pending | restarts \
                    | unusable starts | illegal states | duplicates | lost | orphans | leftover scratch files \
                    | mean time to ready | max time to ready | wall time |
                    |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
                    | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.2f s | %.2f s | %d s |
                    """, kills, killsDuringStart, killsDuringUpload, killsDuringTranscription,
                    killsWithAnalysisPending, restarts, unusableStarts, illegalStates, duplicates, lost, orphans,
                    leftoverScratchFiles, meanSecondsToReady, maxSecondsToReady, elapsed.toSeconds());
        }
    }

    private final Path dataDir;
    private final Path shared;
    private final long seed;
    private final int targetKills;
    private final Duration maxLoadWindow;
    private final PrintStream log;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Path> audio;

    // what the harness was told (acknowledged) or tried without an answer
    private final Set<String> ackedRecordings = ConcurrentHashMap.newKeySet();
    private final Set<String> ackedRecordingsWithTemplate = ConcurrentHashMap.newKeySet();
    private final Set<String> ackedAnalyses = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> analysisAttempts = new ConcurrentHashMap<>();
    private final Set<String> lostIds = new HashSet<>(); // each lost row counts once, not at every later restart

    private int kills;
    private int killsDuringStart;
    private int killsDuringUpload;
    private int killsDuringTranscription;
    private int killsWithAnalysisPending;
    private int restarts;
    private int unusableStarts;
    private int illegal;
    private int duplicates;
    private int lost;
    private int orphans;
    private int leftoverScratch;
    private final List<Double> readySeconds = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private int lastPendingAnalyses;
    /** -Dcrashloop.keep=DIR: after every kill a copy of db/ (the last three kept); one that lost rows is kept. */
    private final Path keep = Optional.ofNullable(System.getProperty("crashloop.keep")).map(Path::of).orElse(null);

    public CrashLoopHarness(Path dataDir, Path shared, long seed, int kills, Duration maxLoadWindow, PrintStream log)
            throws IOException {
        this.dataDir = dataDir;
        this.shared = shared;
        this.seed = seed;
        this.targetKills = kills;
        this.maxLoadWindow = maxLoadWindow;
        this.log = log;
        this.random = new Random(seed);
        try (Stream<Path> files = Files.list(shared.resolve("audio"))) {
            // the short clips: a long one would keep pocketsphinx busy for the whole run
            this.audio = files.filter(f -> f.toString().endsWith(".wav")).filter(f -> size(f) < 1_000_000).sorted()
                    .toList();
        }
    }

    public static void main(String[] args) throws Exception {
        int kills = Integer.parseInt(args.length > 0 ? args[0] : System.getProperty("crashloop.kills", "200"));
        long seed = Long.parseLong(args.length > 1 ? args[1] : System.getProperty("crashloop.seed", "42"));
        Path dataDir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("crashloop-");
        Path shared = Path.of(System.getProperty("classreflect.shared", "../../shared"));
        Report report = new CrashLoopHarness(dataDir, shared, seed, kills, Duration.ofSeconds(5), System.out).run();
        System.out.println(report.table());
        report.findings().forEach(f -> System.out.println("finding: " + f));
    }

    public Report run() throws Exception {
        long began = System.nanoTime();
        log.printf("crash loop: %d kills, seed %d, data %s%n", targetKills, seed, dataDir);
        // The very first start (migrations on an empty database) is killed.
        Process first = spawn();
        sleep(300 + random.nextInt(1500));
        killAndCheckOrphans(first, "start");
        while (kills < targetKills) {
            if (random.nextInt(100) < 12) { // a kill during a start, then a start that must come up
                Process doomed = spawn();
                sleep(100 + random.nextInt(3000));
                killAndCheckOrphans(doomed, "start");
            }
            Life life = startAndCheck();
            if (life == null) {
                if (unusableStarts >= 3) {
                    findings.add("stopped after 3 unusable starts");
                    break;
                }
                continue;
            }
            driveLoadThenKill(life);
        }
        Life last = startAndCheck(); // the state the last kill left must be usable too
        if (last != null) {
            last.process.destroyForcibly();
            last.process.waitFor(30, TimeUnit.SECONDS);
        }
        double mean = readySeconds.stream().mapToDouble(d -> d).average().orElse(Double.NaN);
        double max = readySeconds.stream().mapToDouble(d -> d).max().orElse(Double.NaN);
        Report report = new Report(kills, killsDuringStart, killsDuringUpload, killsDuringTranscription,
                killsWithAnalysisPending, restarts, unusableStarts, illegal, duplicates, lost, orphans,
                leftoverScratch, mean, max, Duration.ofNanos(System.nanoTime() - began), List.copyOf(findings));
        log.println(report.table());
        return report;
    }

    private record Life(Process process, int port, ApiClient teacher) {
    }

    private final AtomicReference<CompletableFuture<String>> portLine = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<String>> stateLine = new AtomicReference<>();

    private Process spawn() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path logFile = dataDir.resolve("server.log");
        Files.createDirectories(dataDir);
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir",
                        Path.of(System.getProperty("user.home"), ".javacpp", "cache").toString()),
                "-cp", System.getProperty("java.class.path"), CrashLoopServerMain.class.getName(),
                dataDir.toString())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<String> port = new CompletableFuture<>();
        CompletableFuture<String> state = new CompletableFuture<>();
        portLine.set(port);
        stateLine.set(state);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8));
                 PrintWriter file = new PrintWriter(Files.newBufferedWriter(logFile))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("PORT=")) {
                        port.complete(line.substring(5).trim());
                    } else if (line.startsWith("STATE=")) {
                        state.complete(line.substring(6));
                    } else {
                        file.println(line);
                    }
                }
            } catch (IOException e) {
                // the process was killed
            } finally {
                port.completeExceptionally(new IllegalStateException("the server ended before it served"));
                state.completeExceptionally(new IllegalStateException("the server ended before its state"));
            }
        }, "crashloop-output");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    /** Starts the product and waits for /health; checks the state it reports. Null when the start was unusable. */
    private Life startAndCheck() throws Exception {
        Instant restartedAt = Instant.now().minusMillis(1);
        long t0 = System.nanoTime();
        Process p = spawn();
        restarts++;
        int port;
        JsonNode state;
        try {
            port = Integer.parseInt(portLine.get().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            awaitHealth(port);
            readySeconds.add((System.nanoTime() - t0) / 1e9);
            state = JSON.readTree(stateLine.get().get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            unusableStarts++;
            String tail = tail(dataDir.resolve("server.log"));
            findings.add("unusable start #" + restarts + ": " + e + "\n" + tail);
            log.println("UNUSABLE START: " + e + "\n" + tail);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            return null;
        }
        checkState(state);
        checkScratch(restartedAt);
        ApiClient teacher = teacher(port);
        return new Life(p, port, teacher);
    }

    private void awaitHealth(int port) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("/health did not answer 200 within " + READY_TIMEOUT);
    }

    private ApiClient teacher(int port) throws Exception {
        try {
            return new ApiClient(port).login(TEACHER, TEACHER_PASSWORD);
        } catch (IllegalStateException notYet) {
            ApiClient admin = new ApiClient(port).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
            String school = admin.post("/api/schools", Map.of("name", "Crash " + restarts)).json().get("id")
                    .asText();
            ApiClient.Response user = admin.post("/api/users", Map.of("email", TEACHER, "displayName", "Teacher",
                    "role", "teacher", "schoolId", school, "password", TEACHER_PASSWORD));
            if (user.status() != 201) {
                throw new IllegalStateException("cannot create the teacher: " + user);
            }
            return new ApiClient(port).login(TEACHER, TEACHER_PASSWORD);
        }
    }

    private void checkState(JsonNode state) {
        Set<String> recordings = new HashSet<>();
        Map<String, String> statusOf = new HashMap<>();
        for (JsonNode r : state.get("recordings")) {
            String id = r.get("id").asText();
            String status = r.get("status").asText();
            recordings.add(id);
            statusOf.put(id, status);
            if (!RECORDING_STATUSES.contains(status)) {
                problem("illegal", "recording " + id + " has status " + status);
            }
        }
        Map<String, Integer> transcripts = new HashMap<>();
        for (JsonNode t : state.get("transcriptCounts")) {
            transcripts.put(t.get("recording_id").asText(), t.get("n").asInt());
            if (t.get("n").asInt() > 1) {
                problem("duplicate", "recording " + t.get("recording_id").asText() + " has " + t.get("n").asInt()
                        + " transcripts");
            }
        }
        statusOf.forEach((id, status) -> {
            if (status.equals("completed") && !transcripts.containsKey(id)) {
                problem("illegal", "recording " + id + " is completed without a transcript");
            }
        });
        Map<String, Integer> perPair = new HashMap<>();
        Set<String> analyses = new HashSet<>();
        Set<String> recordingsWithTemplateAnalysis = new HashSet<>();
        int pending = 0;
        for (JsonNode a : state.get("analyses")) {
            String status = a.get("status").asText();
            String recording = a.get("recording_id").asText();
            analyses.add(a.get("id").asText());
            if (!ANALYSIS_STATUSES.contains(status)) {
                problem("illegal", "analysis " + a.get("id").asText() + " has status " + status);
            }
            if (status.equals("queued") || status.equals("running")) {
                pending++;
            }
            if (a.get("template_id").asText().equals(TEMPLATE)) {
                recordingsWithTemplateAnalysis.add(recording);
            }
            perPair.merge(recording + "/" + a.get("template_id").asText(), 1, Integer::sum);
        }
        lastPendingAnalyses = pending;
        perPair.forEach((pair, count) -> {
            // each request the harness made (answered or not) may create one analysis; an upload with a template one
            int allowed = analysisAttempts.getOrDefault(pair, 0) + 1;
            if (count > allowed) {
                problem("duplicate", pair + " has " + count + " analyses for " + allowed + " request(s)");
            }
        });
        for (String id : ackedRecordings) {
            if (!recordings.contains(id) && lostIds.add(id)) {
                problem("lost", "acknowledged recording " + id + " is gone");
            }
        }
        for (String id : ackedAnalyses) {
            if (!analyses.contains(id) && lostIds.add(id)) {
                problem("lost", "acknowledged analysis " + id + " is gone");
            }
        }
        for (String id : ackedRecordingsWithTemplate) {
            if ("completed".equals(statusOf.get(id)) && !recordingsWithTemplateAnalysis.contains(id)
                    && lostIds.add("analysis-of-" + id)) {
                problem("lost", "completed recording " + id + " lost the analysis its upload asked for");
            }
        }
    }

    private void checkScratch(Instant restartedAt) throws IOException {
        for (String sub : List.of("work", "uploads", "probe")) {
            Path dir = dataDir.resolve("tmp").resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    try {
                        if (Files.getLastModifiedTime(f).toInstant().isBefore(restartedAt)) {
                            problem("scratch", "left in tmp: " + dataDir.relativize(f));
                        }
                    } catch (IOException gone) {
                        // deleted meanwhile by the new process
                    }
                }
            }
        }
    }

    private void snapshotDatabase() throws IOException {
        if (keep == null) {
            return;
        }
        Path db = dataDir.resolve("db");
        Path to = keep.resolve("after-kill-" + kills);
        Files.createDirectories(to);
        if (Files.isDirectory(db)) {
            try (Stream<Path> files = Files.list(db)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path old = keep.resolve("after-kill-" + (kills - 3));
        if (Files.isDirectory(old) && !Files.exists(old.resolve("LOST"))) {
            try (Stream<Path> files = Files.walk(old)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private void problem(String kind, String what) {
        if (keep != null && kind.equals("lost")) {
            try {
                Files.writeString(keep.resolve("after-kill-" + kills).resolve("LOST"), what + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                log.println("cannot mark the snapshot: " + e);
            }
        }
        switch (kind) {
            case "illegal" -> illegal++;
            case "duplicate" -> duplicates++;
            case "lost" -> lost++;
            case "scratch" -> leftoverScratch++;
            default -> throw new IllegalArgumentException(kind);
        }
        findings.add(kind + ": " + what);
        log.println("FOUND " + kind + ": " + what);
    }

    private final AtomicBoolean uploadInFlight = new AtomicBoolean();

    private void driveLoadThenKill(Life life) throws Exception {
        long window = 200 + (long) (random.nextDouble() * (maxLoadWindow.toMillis() - 200));
        long loadSeed = random.nextLong();
        AtomicBoolean stop = new AtomicBoolean();
        Thread load = new Thread(() -> drive(life, new Random(loadSeed), stop), "crashloop-load");
        load.setDaemon(true);
        load.start();
        sleep(window);
        String phase = uploadInFlight.get() ? "upload" : "run";
        killAndCheckOrphans(life.process, phase);
        stop.set(true);
        load.join(40_000);
    }

    private void drive(Life life, Random r, AtomicBoolean stop) {
        List<String> known = new ArrayList<>(ackedRecordings);
        while (!stop.get()) {
            try {
                int dice = r.nextInt(100);
                if (dice < 45) {
                    Path wav = audio.get(r.nextInt(audio.size()));
                    boolean withTemplate = r.nextBoolean();
                    uploadInFlight.set(true);
                    ApiClient.Response resp;
                    try {
                        resp = life.teacher.upload(wav.getFileName().toString(), Files.readAllBytes(wav),
                                withTemplate ? ApiClient.fields("templateId", TEMPLATE) : Map.of());
                    } finally {
                        uploadInFlight.set(false);
                    }
                    acknowledgeRecording(resp, withTemplate, known);
                } else if (dice < 70) {
                    ApiClient.Response resp = life.teacher.uploadTranscript("lesson.srt", SRT,
                            ApiClient.fields("templateId", TEMPLATE));
                    acknowledgeRecording(resp, true, known);
                } else if (!known.isEmpty()) {
                    String recording = known.get(r.nextInt(known.size()));
                    analysisAttempts.merge(recording + "/" + TEMPLATE, 1, Integer::sum);
                    ApiClient.Response resp = life.teacher.post("/api/recordings/" + recording + "/analyses",
                            Map.of("templateId", TEMPLATE));
                    if (resp.status() / 100 == 2 && resp.json() != null && resp.json().has("id")) {
                        ackedAnalyses.add(resp.json().get("id").asText());
                    }
                } else {
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                return; // the server was killed
            }
        }
    }

    private void acknowledgeRecording(ApiClient.Response resp, boolean withTemplate, List<String> known) {
        if (resp.status() / 100 == 2 && resp.json() != null && resp.json().has("id")) {
            String id = resp.json().get("id").asText();
            ackedRecordings.add(id);
            known.add(id);
            if (withTemplate) {
                ackedRecordingsWithTemplate.add(id);
            }
        }
    }

    /** SIGKILLs the JVM; then every process it had started must be gone within five seconds. */
    private void killAndCheckOrphans(Process p, String phase) throws Exception {
        List<ProcessHandle> children = p.descendants().toList();
        Map<Long, Optional<Instant>> started = new HashMap<>();
        children.forEach(c -> started.put(c.pid(), c.info().startInstant()));
        boolean transcribing = children.stream()
                .anyMatch(c -> c.info().command().map(s -> s.endsWith("pocketsphinx_continuous")).orElse(false));
        boolean serving = portLine.get().isDone() && !portLine.get().isCompletedExceptionally();
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed JVM did not end");
        }
        kills++;
        snapshotDatabase();
        if (phase.equals("start") && !serving) {
            killsDuringStart++;
        } else if (phase.equals("upload")) {
            killsDuringUpload++;
        }
        if (transcribing) {
            killsDuringTranscription++;
        }
        if (lastPendingAnalyses > 0 && !phase.equals("start")) {
            killsWithAnalysisPending++;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<ProcessHandle> alive;
        do {
            alive = children.stream().filter(c -> c.isAlive()
                    && c.info().startInstant().equals(started.get(c.pid()))).toList();
            if (!alive.isEmpty()) {
                Thread.sleep(100);
            }
        } while (!alive.isEmpty() && System.nanoTime() < deadline);
        for (ProcessHandle orphan : alive) {
            orphans++;
            findings.add("orphan: " + orphan.pid() + " " + orphan.info().commandLine().orElse("?"));
            log.println("FOUND orphan: " + orphan.pid() + " " + orphan.info().commandLine().orElse("?"));
            orphan.destroyForcibly();
        }
        if (kills % 10 == 0) {
            log.printf("%d kills, %d restarts, %d unusable, %d illegal, %d duplicates, %d lost, %d orphans, "
                    + "%d scratch%n", kills, restarts, unusableStarts, illegal, duplicates, lost, orphans,
                    leftoverScratch);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
