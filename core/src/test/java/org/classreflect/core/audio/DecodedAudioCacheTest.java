package org.classreflect.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.classreflect.core.deletion.ScratchCopies;
import org.classreflect.core.queue.WorkerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodedAudioCacheTest {

    private static final String RECORDING = "0b6d8a5e-rec";
    private static final String AUDIO_KEY = "k-1.mp3";

    @TempDir
    Path scratch;

    private final List<float[]> tenSeconds = List.of(new float[80_000], ramp(80_000));

    private DecodedAudioCache cache() {
        return new DecodedAudioCache(scratch);
    }

    @Test
    void aWholePassIsKeptAndReadBackAsItWasDecoded() throws IOException {
        DecodedAudioCache cache = cache();
        try (DecodedAudioCache.Pass pass = cache.start(RECORDING, AUDIO_KEY)) {
            tenSeconds.forEach(pass);
            assertThat(cache.find(RECORDING, AUDIO_KEY)).as("not found while being written").isEmpty();
            assertThat(pass.keepIfWhole(10.0)).isTrue();
        }
        Path kept = cache.find(RECORDING, AUDIO_KEY).orElseThrow();
        List<float[]> read = new ArrayList<>();
        Pcm16Wav.stream(kept, 160_000, read::add);
        assertThat(read).hasSize(1);
        assertThat(read.get(0)[80_000 + 12_345]).isCloseTo(tenSeconds.get(1)[12_345], within(1e-4f));
        assertThat(files()).containsExactly(kept);
        assertThat(cache.find(RECORDING, "another-key.mp3")).as("keyed by the audio too").isEmpty();
    }

    @Test
    void aPassShorterOrLongerThanWhatWasTranscribedIsNotKept() {
        DecodedAudioCache cache = cache();
        for (double seconds : new double[] {9.9, 10.1}) {
            try (DecodedAudioCache.Pass pass = cache.start(RECORDING, AUDIO_KEY)) {
                tenSeconds.forEach(pass);
                assertThat(pass.keepIfWhole(seconds)).isFalse();
            }
            assertThat(cache.find(RECORDING, AUDIO_KEY)).isEmpty();
            assertThat(files()).as("the partial file is gone").isEmpty();
        }
    }

    @Test
    void anEngineThatDecodesElsewhereLeavesNothing() {
        DecodedAudioCache cache = cache();
        try (DecodedAudioCache.Pass pass = cache.start(RECORDING, AUDIO_KEY)) {
            assertThat(pass.keepIfWhole(10.0)).isFalse();
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void aTranscriptionThatFailsPartWayLeavesNoPartialFile() {
        DecodedAudioCache cache = cache();
        try (DecodedAudioCache.Pass pass = cache.start(RECORDING, AUDIO_KEY)) {
            pass.accept(tenSeconds.get(0));
            assertThat(files()).hasSize(1);
        }
        assertThat(files()).isEmpty();
        assertThat(cache.find(RECORDING, AUDIO_KEY)).isEmpty();
    }

    @Test
    void aScratchDirectoryThatCannotBeWrittenOnlyMeansNothingIsKept() throws IOException {
        Path notADirectory = Files.writeString(scratch.resolve("file"), "x");
        DecodedAudioCache cache = new DecodedAudioCache(notADirectory);
        try (DecodedAudioCache.Pass pass = cache.start(RECORDING, AUDIO_KEY)) {
            tenSeconds.forEach(pass); // does not throw: the transcription goes on
            assertThat(pass.keepIfWhole(10.0)).isFalse();
        }
        assertThat(cache.find(RECORDING, AUDIO_KEY)).isEmpty();
    }

    @Test
    void discardingAndDeletingTheRecordingsScratchCopiesBothRemoveIt() {
        DecodedAudioCache cache = cache();
        keep(cache);
        cache.discard(RECORDING, AUDIO_KEY);
        assertThat(files()).isEmpty();

        keep(cache);
        new ScratchCopies(new WorkerSettings(1, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ZERO, scratch))
                .deleteFor(RECORDING);
        assertThat(files()).isEmpty();
    }

    private void keep(DecodedAudioCache cache) {
        try (DecodedAudioCache.Pass pass = cache.start(RECORDING, AUDIO_KEY)) {
            tenSeconds.forEach(pass);
            assertThat(pass.keepIfWhole(10.0)).isTrue();
        }
        assertThat(cache.find(RECORDING, AUDIO_KEY)).isPresent();
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(scratch)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static float[] ramp(int n) {
        float[] samples = new float[n];
        for (int i = 0; i < n; i++) {
            samples[i] = (i % 2000) / 2000f - 0.5f;
        }
        return samples;
    }
}
