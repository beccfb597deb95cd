package org.classreflect.adapters.speech.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelCacheTest {

    private final AtomicInteger loads = new AtomicInteger();
    private final List<String> freed = new CopyOnWriteArrayList<>();
    private final ModelCache<String> cache = new ModelCache<>(2,
            file -> file.getFileName() + "#" + loads.incrementAndGet(), freed::add);

    @Test
    void aModelIsLoadedOnceWhateverThePathSpelling() throws Exception {
        cache.ensureLoaded(Path.of("models/ggml-base.en.bin"));
        try (var lease = cache.acquire(Path.of("models/../models/ggml-base.en.bin"))) {
            assertThat(lease.model()).isEqualTo("ggml-base.en.bin#1");
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void beyondCapacityTheLeastRecentlyUsedModelIsFreed() throws Exception {
        cache.acquire(Path.of("a")).close();
        cache.acquire(Path.of("b")).close();
        cache.acquire(Path.of("a")).close();
        cache.acquire(Path.of("c")).close();

        assertThat(freed).containsExactly("b#2");
        try (var lease = cache.acquire(Path.of("b"))) {
            assertThat(lease.model()).isEqualTo("b#4");
        }
        assertThat(freed).containsExactly("b#2", "a#1");
    }

    @Test
    void aModelInUseIsFreedOnlyAfterItsJobEnds() throws Exception {
        ModelCache<String> one = new ModelCache<>(1, file -> file.toString(), freed::add);
        CountDownLatch otherLoaded = new CountDownLatch(1);
        try (var lease = one.acquire(Path.of("/a"))) {
            Thread other = new Thread(() -> {
                try {
                    one.acquire(Path.of("/b")).close();
                    otherLoaded.countDown();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            assertThat(otherLoaded.await(300, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(freed).isEmpty();
            assertThat(lease.model()).isEqualTo("/a");
        }
        assertThat(otherLoaded.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(freed).containsExactly("/a");
    }

    @Test
    void twoJobsOnOneModelTakeTurns() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Runnable job = () -> {
            for (int i = 0; i < 200; i++) {
                try (var lease = cache.acquire(Path.of("shared"))) {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    inside.decrementAndGet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Thread a = new Thread(job);
        Thread b = new Thread(job);
        a.start();
        b.start();
        a.join();
        b.join();

        assertThat(most).hasValue(1);
        assertThat(loads).hasValue(1);
    }

    @Test
    void freeingAllFreesEveryLoadedModelAndAnotherUseLoadsItAgain() throws Exception {
        cache.acquire(Path.of("a")).close();
        cache.acquire(Path.of("b")).close();

        cache.freeAll();

        assertThat(freed).containsExactlyInAnyOrder("a#1", "b#2");
        try (var lease = cache.acquire(Path.of("a"))) {
            assertThat(lease.model()).isEqualTo("a#3");
        }
    }
}
