package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.ATranscript;
import org.classreflect.testfixtures.builders.AUser;
import org.junit.jupiter.api.RepeatedTest;

/** A job delivered twice at once: both workers save, exactly one transcript is kept and exactly one save wins. */
class ConcurrentSaveIfAbsentTest {

    @RepeatedTest(5)
    void onH2() throws Exception {
        raceOn(TestDatabases.h2());
    }

    @RepeatedTest(5)
    void onMariaDb() throws Exception {
        raceOn(TestDatabases.mariaDb());
    }

    private static void raceOn(Database database) throws Exception {
        JdbiTranscripts transcripts = new JdbiTranscripts(TestDatabases.clean(database).jdbi());
        new JdbiSchools(database.jdbi()).insert(ASchool.named("s-1", "Oak Primary"));
        new JdbiUsers(database.jdbi()).insert(AUser.teacher("u-1", "s-1"));
        new JdbiRecordings(database.jdbi()).insert(ARecording.queued("r-1", "s-1", "u-1"));
        List<Transcript> candidates = List.of(ATranscript.withText("r-1", "from worker A"),
                ATranscript.withText("r-1", "from worker B"));
        CyclicBarrier start = new CyclicBarrier(candidates.size());
        ExecutorService pool = Executors.newFixedThreadPool(candidates.size());
        try {
            List<CompletableFuture<Boolean>> saves = candidates.stream()
                    .map(t -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return transcripts.saveIfAbsent(t);
                    }, pool))
                    .toList();
            List<Boolean> results = saves.stream().map(CompletableFuture::join).toList();

            assertThat(results).containsExactlyInAnyOrder(true, false);
            Transcript kept = transcripts.find("r-1").orElseThrow();
            assertThat(kept).isEqualTo(candidates.get(results.indexOf(true)));
            int count = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM transcripts")
                    .mapTo(Integer.class).one());
            assertThat(count).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
