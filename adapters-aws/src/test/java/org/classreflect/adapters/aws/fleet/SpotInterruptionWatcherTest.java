package org.classreflect.adapters.aws.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.classreflect.testfixtures.servers.FakeImds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.imds.Ec2MetadataClient;

class SpotInterruptionWatcherTest {

    private static final Duration INTERVAL = Duration.ofMillis(20);
    private static final Instant TWO_MINUTES_ON = Instant.parse("2026-03-02T10:02:00Z");

    private final FakeImds imds = FakeImds.start();
    private final Ec2MetadataClient client = FakeAwsClients.imds(imds.endpoint());
    private final List<SpotInterruption> told = new CopyOnWriteArrayList<>();
    private final SpotInterruptionWatcher watcher = new SpotInterruptionWatcher(client, INTERVAL, told::add);

    @AfterEach
    void close() {
        watcher.close();
        client.close();
        imds.close();
    }

    @Test
    void withoutANoticeThereIsNothingToTell() throws InterruptedException {
        watcher.start();

        Eventually.until("several checks were made", () -> imds.spotChecks() >= 5);

        assertThat(told).isEmpty();
        assertThat(watcher.check()).isEmpty();
    }

    @Test
    void aNoticeIsToldOnceWithItsActionAndTimeAndThePollingEnds() throws InterruptedException {
        watcher.start();
        Eventually.until("the watcher polls", () -> imds.spotChecks() >= 2);

        imds.announceSpotInterruption("terminate", TWO_MINUTES_ON);
        Eventually.until("the callback is told", () -> !told.isEmpty());
        int checksWhenTold = imds.spotChecks();
        Thread.sleep(INTERVAL.multipliedBy(10).toMillis());

        assertThat(told).containsExactly(new SpotInterruption("terminate", TWO_MINUTES_ON));
        assertThat(imds.spotChecks()).isEqualTo(checksWhenTold);
    }

    @Test
    void failedReadsDoNotEndTheWatch() throws InterruptedException {
        imds.failNextSpotChecks(3);
        imds.announceSpotInterruption("stop", TWO_MINUTES_ON);

        watcher.start();
        Eventually.until("the callback is told", () -> !told.isEmpty());

        assertThat(told).containsExactly(new SpotInterruption("stop", TWO_MINUTES_ON));
        assertThat(imds.spotChecks()).isEqualTo(4);
    }
}
