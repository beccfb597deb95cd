package org.classreflect.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link WorkerLoop} over in-memory ports. */
@Timeout(20)
class WorkerLoopTest {

    @TempDir
    Path scratch;

    private InMemoryCore core;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore(scratch);
    }

    @Test
    void theLoopWorksThroughTheQueueAndStopsWhenIdle() {
        Recording a = core.uploadAsAda();
        Recording b = core.uploadAsAda();
        Recording c = core.upload(core.eve.asActor(), null, InMemoryCore.wav(4000)).orElseThrow();

        int completed = new WorkerLoop(core.processNextJob(), core.workerSettings()).run(2);

        assertThat(completed).isEqualTo(3);
        assertThat(java.util.List.of(a, b, c)).allSatisfy(r ->
                assertThat(core.recording(r.id()).status()).isEqualTo(RecordingStatus.COMPLETED));
        assertThat(core.transcriber.calls()).isEqualTo(3);
    }

    @Test
    void stoppingDuringAJobHandsItBackToTheQueueAtOnce() throws Exception {
        Recording r = core.uploadAsAda();
        CountDownLatch transcribing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        core.transcriber.whileTranscribing(() -> {
            transcribing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        WorkerLoop loop = new WorkerLoop(core.processNextJob(), core.workerSettings());
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> loop.run(0));
        assertThat(transcribing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(core.queue.snapshot().visible()).isZero();

        loop.stop(Duration.ofMillis(50));

        assertThat(core.queue.snapshot().visible()).as("another worker can take it now").isEqualTo(1);
        assertThat(core.queue.receive(Duration.ZERO).orElseThrow().job().recordingId()).isEqualTo(r.id());
        release.countDown();
        running.get(10, TimeUnit.SECONDS);
    }
}
