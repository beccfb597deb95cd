package org.classreflect.api.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Each kind of request on its own: {@code clients} threads, each signed in as a different user of the right role,
 * send it back to back for {@code seconds}; then the next kind, the admin's search last by kind of query. Prints one
 * line per kind.
 */
final class QueryPhase {

    private interface Request {
        /** Sends one request as client {@code c}; true when it succeeded. */
        boolean send(int c, ThreadLocalRandom random, Latencies into);
    }

    private record Kind(String name, Request request) {
    }

    private final HttpClient http;
    private final int port;
    private final DistrictData.District district;

    QueryPhase(HttpClient http, int port, DistrictData.District district) {
        this.http = http;
        this.port = port;
        this.district = district;
    }

    /**
     * {@code only}: run just the kinds whose name contains it (every kind if empty); each runs {@code warmupSeconds}
     * uncounted first (the JIT compiles the first requests' code while they run), all before the first measured one.
     */
    void run(int clients, int seconds, int warmupSeconds, String only) throws Exception {
        List<BenchClient> teachers = new ArrayList<>();
        List<BenchClient> managers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            teachers.add(BenchClient.login(http, port, district.teachers().get(c % district.teachers().size())
                    .email(), DistrictData.PASSWORD));
            managers.add(BenchClient.login(http, port, district.managerEmails().get(c % district.managerEmails()
                    .size()), DistrictData.PASSWORD));
        }
        BenchClient admin = BenchClient.login(http, port, org.classreflect.api.TestServers.ADMIN_EMAIL,
                org.classreflect.api.TestServers.ADMIN_PASSWORD);
        List<Kind> kinds = new ArrayList<>(List.of(
                new Kind("list, teacher, page 1", (c, r, l) -> teachers.get(c).get("/api/recordings", l)),
                new Kind("list, teacher, page 3", (c, r, l) -> teachers.get(c).get("/api/recordings?offset=40", l)),
                new Kind("list, manager (school), page 1", (c, r, l) -> managers.get(c).get("/api/recordings", l)),
                new Kind("list, admin (all), page 1", (c, r, l) -> admin.get("/api/recordings", l)),
                new Kind("get a recording, teacher", (c, r, l) -> teachers.get(c).get("/api/recordings/"
                        + district.recordingOf(c, r), l)),
                new Kind("get its transcript, teacher", (c, r, l) -> teachers.get(c).get("/api/recordings/"
                        + district.recordingOf(c, r) + "/transcript", l)),
                new Kind("search, teacher", (c, r, l) -> teachers.get(c).get("/api/recordings?q="
                        + BenchClient.query(DistrictBenchmark.searchText(r)), l)),
                new Kind("search, manager (school)", (c, r, l) -> managers.get(c).get("/api/recordings?q="
                        + BenchClient.query(DistrictBenchmark.searchText(r)), l)),
                new Kind("search, admin (all)", (c, r, l) -> admin.get("/api/recordings?q="
                        + BenchClient.query(DistrictBenchmark.searchText(r)), l)),
                new Kind("teacher progress (own)", (c, r, l) -> teachers.get(c).get("/api/teachers/"
                        + district.teachers().get(c % district.teachers().size()).id() + "/progress", l)),
                new Kind("school dashboard, manager", (c, r, l) -> managers.get(c).get("/api/schools/"
                        + district.schoolIds().get(c % district.schoolIds().size()) + "/dashboard", l)),
                new Kind("school summary, manager", (c, r, l) -> managers.get(c).get("/api/schools/"
                        + district.schoolIds().get(c % district.schoolIds().size()) + "/summary", l))));
        for (int k = 0; k < DistrictBenchmark.SEARCH_KINDS.size(); k++) {
            int searchKind = k;
            kinds.add(new Kind("search, admin (all): " + DistrictBenchmark.SEARCH_KINDS.get(k), (c, r, l) -> admin.get(
                    "/api/recordings?q=" + BenchClient.query(DistrictBenchmark.searchText(searchKind, r)), l)));
        }
        kinds.removeIf(kind -> !kind.name().contains(only));
        if (warmupSeconds > 0) {
            System.out.printf("%nWarm-up (not counted): every kind for %d s%n", warmupSeconds);
            for (Kind kind : kinds) {
                drive(kind, clients, warmupSeconds, new Latencies(kind.name()));
            }
        }
        System.out.printf("%nEach kind alone: %d concurrent clients, %d s each, back to back%n", clients, seconds);
        System.out.println(Latencies.header());
        for (Kind kind : kinds) {
            Latencies latencies = new Latencies(kind.name());
            drive(kind, clients, seconds, latencies);
            System.out.println(latencies.line(seconds));
        }
    }

    private static void drive(Kind kind, int clients, int seconds, Latencies latencies) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    kind.request().send(client, random, latencies);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
