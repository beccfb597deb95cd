package org.classreflect.api.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.classreflect.api.TestServers;

/**
 * Whole users at once: each of {@code n} teachers follows the live status stream for the whole run and, back to
 * back with no think time, lists their recordings (35 %), opens one with its transcript (25 %), searches (20 %),
 * looks at their progress (15 %) or uploads a lesson (5 %, an 11-second WAV the in-process worker transcribes),
 * for a fixed time. Prints each action's figures, the stream's events and the heap of this process (server and
 * clients share it).
 */
final class LoadPhase {

    private final HttpClient http;
    private final int port;
    private final DistrictData.District district;

    LoadPhase(HttpClient http, int port, DistrictData.District district) {
        this.http = http;
        this.port = port;
        this.district = district;
    }

    void run(List<Integer> userCounts, int seconds) throws Exception {
        byte[] wav = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        for (int users : userCounts) {
            runOnce(users, seconds, wav);
        }
    }

    private void runOnce(int users, int seconds, byte[] wav) throws Exception {
        List<BenchClient> clients = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            clients.add(BenchClient.login(http, port, district.teachers().get(u % district.teachers().size())
                    .email(), DistrictData.PASSWORD));
        }
        Latencies list = new Latencies("list");
        Latencies open = new Latencies("open a recording + transcript");
        Latencies search = new Latencies("search");
        Latencies progress = new Latencies("progress");
        Latencies upload = new Latencies("upload (11 s WAV)");
        Latencies stream = new Latencies("open the live status stream");
        AtomicInteger events = new AtomicInteger();
        DistrictBenchmark.heapAfterGcMb();
        DistrictBenchmark.resetPeaks();
        List<Thread> followers = new ArrayList<>();
        List<Thread> actors = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int u = 0; u < users; u++) {
            BenchClient client = clients.get(u);
            int teacher = u % district.teachers().size();
            Thread follower = new Thread(() -> client.follow(stream, events));
            follower.setDaemon(true);
            follower.start();
            followers.add(follower);
            Thread actor = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int roll = random.nextInt(100);
                    if (roll < 35) {
                        client.get("/api/recordings" + (random.nextBoolean() ? "" : "?offset=20"), list);
                    } else if (roll < 60) {
                        String id = district.recordingOf(teacher, random);
                        long start = System.nanoTime();
                        boolean ok = client.get("/api/recordings/" + id, new Latencies("ignored"))
                                && client.get("/api/recordings/" + id + "/transcript", new Latencies("ignored"));
                        open.record(System.nanoTime() - start, ok);
                    } else if (roll < 80) {
                        client.get("/api/recordings?q=" + BenchClient.query(DistrictBenchmark.searchText(random)),
                                search);
                    } else if (roll < 95) {
                        client.get("/api/teachers/" + district.teachers().get(teacher).id() + "/progress", progress);
                    } else {
                        client.upload(wav, "Load test", upload);
                    }
                }
            });
            actor.start();
            actors.add(actor);
        }
        for (Thread actor : actors) {
            actor.join();
        }
        followers.forEach(Thread::interrupt);
        long peak = DistrictBenchmark.peakHeapMb();
        System.out.printf("%n%d concurrent users for %d s: heap peak %d MB, %d MB after GC at the end; "
                + "%d live status events received%n", users, seconds, peak, DistrictBenchmark.heapAfterGcMb(),
                events.get());
        System.out.println(Latencies.header());
        for (Latencies l : List.of(list, open, search, progress, upload, stream)) {
            System.out.println(l.line(seconds));
        }
    }
}
