package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits that returned must survive a SIGKILL. A child JVM opens {@link Database#embedded} and runs several threads
 * that each commit short transactions through the pool (an insert into {@code schools} and an update of the thread's
 * own counter row), printing each one only after its commit returned. The parent kills the child at a random moment,
 * reopens the file and looks for every acknowledged write. Cycles repeat on the same file until a time bound.
 *
 * <p>Knobs for experiments (system properties): {@code durability.cycles} (25), {@code durability.seconds} (45),
 * {@code durability.threads} (8), {@code durability.url} (extra H2 URL settings instead of {@code Database.embedded},
 * e.g. {@code ;WRITE_DELAY=0}), {@code durability.pool} (pool size with {@code durability.url}).
 */
class EmbeddedDatabaseDurabilityTest {

    private static final String READY = "ready";
    private static final String ACK = "ack ";
    private static final String END = " end";

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyAcknowledgedCommitSurvivesAKill(@TempDir Path dataDir) throws Exception {
        int maxCycles = Integer.getInteger("durability.cycles", 25);
        long bound = TimeUnit.SECONDS.toNanos(Integer.getInteger("durability.seconds", 45));
        String threads = Integer.toString(Integer.getInteger("durability.threads", 8));
        String url = System.getProperty("durability.url", "");
        String pool = Integer.toString(Integer.getInteger("durability.pool", Database.DEFAULT_POOL_SIZE));
        long start = System.nanoTime();
        int cycles = 0;
        long acknowledged = 0;
        long lost = 0;
        double committingMillis = 0;
        List<String> examples = new ArrayList<>();
        while (cycles < maxCycles && System.nanoTime() - start < bound) {
            cycles++;
            Cycle cycle = runAndKill(dataDir, cycles, threads, url, pool);
            acknowledged += cycle.inserted.size();
            committingMillis += cycle.committingMillis;
            Set<String> missing = missingAfterReopen(dataDir, url, cycle);
            lost += missing.size();
            if (!missing.isEmpty() && examples.size() < 10) {
                examples.addAll(missing.stream().limit(3).toList());
            }
            System.out.printf("cycle %d: %d acknowledged in %.0f ms, %d lost%n",
                    cycles, cycle.inserted.size(), cycle.committingMillis, missing.size());
        }
        System.out.printf("DURABILITY url='%s' threads=%s pool=%s: %d cycles, %d acknowledged commits, %d lost,"
                        + " %.0f acknowledged commits/s while committing%n",
                url.isEmpty() ? "Database.embedded" : url, threads, pool, cycles, acknowledged, lost,
                acknowledged * 1000.0 / Math.max(1, committingMillis));
        assertThat(acknowledged).as("the children acknowledged commits").isPositive();
        assertThat(lost).as("acknowledged commits missing after a kill, e.g. %s", examples).isZero();
    }

    private static final class Cycle {
        final Set<String> inserted = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> counters = new ConcurrentHashMap<>();
        double committingMillis;
    }

    private static Cycle runAndKill(Path dataDir, int cycleNo, String threads, String url, String pool)
            throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Ddurability.second=" + Boolean.getBoolean("durability.second"), "-cp", System.getProperty("java.class.path"),
                Committer.class.getName(), dataDir.toString(), Integer.toString(cycleNo), threads, pool, url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Cycle cycle = new Cycle();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> read(child, cycle, ready), "durability-reader");
        reader.start();
        try {
            assertThat(ready.await(40, TimeUnit.SECONDS)).as("the child opened the database").isTrue();
            long from = System.nanoTime();
            Thread.sleep(ThreadLocalRandom.current().nextLong(150, 1200));
            cycle.committingMillis = (System.nanoTime() - from) / 1e6;
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor(20, TimeUnit.SECONDS);
            reader.join(10_000);
        }
        return cycle;
    }

    /** Only complete lines count: a line cut by the kill was not acknowledged. */
    private static void read(Process child, Cycle cycle, CountDownLatch ready) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(READY)) {
                    ready.countDown();
                } else if (line.startsWith(ACK) && line.endsWith(END)) {
                    String[] f = line.substring(ACK.length(), line.length() - END.length()).split(" ");
                    cycle.inserted.add(f[0]);
                    cycle.counters.merge(f[1], Integer.parseInt(f[2]), Math::max);
                }
            }
        } catch (IOException e) {
            // the child was killed
        }
    }

    private static Set<String> missingAfterReopen(Path dataDir, String url, Cycle cycle) {
        try (Database reopened = open(dataDir, url, 2)) {
            Set<String> present = new HashSet<>(reopened.jdbi().withHandle(h -> h
                    .createQuery("SELECT id FROM schools").mapTo(String.class).list()));
            Map<String, Integer> counters = new ConcurrentHashMap<>();
            reopened.jdbi().useHandle(h -> h.createQuery("SELECT id, n FROM durability_counters")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .forEach(e -> counters.put(e.getKey(), e.getValue())));
            Set<String> missing = new HashSet<>();
            for (String id : cycle.inserted) {
                if (!present.contains(id)) {
                    missing.add(id);
                }
            }
            cycle.counters.forEach((id, n) -> {
                if (counters.getOrDefault(id, -1) < n) {
                    missing.add(id + "=" + n + " (found " + counters.get(id) + ")");
                }
            });
            return missing;
        }
    }

    static Database open(Path dataDir, String url, int poolSize) {
        if (url.isEmpty()) {
            return Database.embedded(dataDir);
        }
        String path = dataDir.toAbsolutePath().resolve("db").resolve("classreflect").toString();
        return Database.connect("jdbc:h2:file:" + path + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE" + url, "sa", "",
                poolSize);
    }

    /** The child: threads committing short transactions, each acknowledged on stdout after its commit returned. */
    public static final class Committer {

        public static void main(String[] args) throws Exception {
            Path dataDir = Path.of(args[0]);
            String cycle = args[1];
            int threads = Integer.parseInt(args[2]);
            int pool = Integer.parseInt(args[3]);
            String url = args.length > 4 ? args[4] : "";
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
            Database database = open(dataDir, url, pool);
            if (Boolean.getBoolean("durability.second")) { // as CrashLoopServerMain: a second pool on the same file
                open(dataDir, url, 2).close();
            }
            database.jdbi().useHandle(h -> h.execute(
                    "CREATE TABLE IF NOT EXISTS durability_counters (id VARCHAR(64) PRIMARY KEY, n INT NOT NULL)"));
            for (int t = 0; t < threads; t++) {
                String counter = "c" + cycle + "-" + t;
                database.jdbi().useHandle(h -> h.execute(
                        "INSERT INTO durability_counters (id, n) VALUES (?, 0)", counter));
            }
            synchronized (out) {
                out.println(READY);
                out.flush();
            }
            for (int t = 0; t < threads; t++) {
                String counter = "c" + cycle + "-" + t;
                Thread worker = new Thread(() -> {
                    for (int n = 1; ; n++) {
                        String id = "s" + cycle + "-" + counter + "-" + n;
                        int value = n;
                        database.jdbi().useTransaction(h -> {
                            h.execute("INSERT INTO schools (id, name, created_at) VALUES (?, ?, CURRENT_TIMESTAMP(3))",
                                    id, id);
                            h.execute("UPDATE durability_counters SET n = ? WHERE id = ?", value, counter);
                        });
                        synchronized (out) {
                            out.println(ACK + id + " " + counter + " " + value + END);
                            out.flush();
                        }
                    }
                });
                worker.start();
            }
            Thread.sleep(120_000);
        }
    }
}
