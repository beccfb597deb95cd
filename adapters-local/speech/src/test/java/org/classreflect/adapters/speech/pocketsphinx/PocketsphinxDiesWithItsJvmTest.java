package org.classreflect.adapters.speech.pocketsphinx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.classreflect.adapters.audio.FfmpegAudioDecoder;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.testfixtures.audio.AudioFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pocketsphinx child never outlives the JVM that started it, not even a JVM killed with SIGKILL, and a stopped
 * (interrupted) transcription leaves no child behind.
 */
class PocketsphinxDiesWithItsJvmTest {

    private static final String PROGRAM = "pocketsphinx_continuous";

    @TempDir
    static Path dir;

    static Path longLesson;

    @BeforeAll
    static void elevenMinutesOfSpeech() {
        longLesson = AudioFixtures.encodeLooped(AudioFixtures.shared("jfk.wav"), AudioFixtures.Encoding.WAV, 60,
                dir.resolve("long-lesson.wav"));
    }

    private static void assumeInstalled() {
        var status = new PocketsphinxTranscriber(new FfmpegAudioDecoder()).status();
        assumeTrue(status.ready(), () -> "pocketsphinx is not installed here (" + status.detail() + ")");
        assumeTrue(!ChildProcesses.dyingWithThisProcess().isEmpty(), "setpriv (util-linux) is not installed here");
    }

    @Test
    void aJvmKilledWithSigkillTakesItsPocketsphinxChildWithIt() throws Exception {
        assumeInstalled();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir",
                        Path.of(System.getProperty("user.home"), ".javacpp", "cache").toString()),
                "-cp", System.getProperty("java.class.path"), PocketsphinxInChildJvmMain.class.getName(),
                Files.copy(longLesson, dir.resolve("upload.audio")).toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child-jvm.log").toFile())
                .start();
        try {
            ProcessHandle engine = awaitEngine(jvm.toHandle(), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("no " + PROGRAM + " under the child JVM; its log: "
                            + readQuietly(dir.resolve("child-jvm.log"))));
            assertThat(engine.parent().map(ProcessHandle::pid)).as("the engine's parent is the JVM itself")
                    .contains(jvm.pid());
            Thread.sleep(500); // mid-transcription

            jvm.destroyForcibly(); // SIGKILL
            assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(engine.onExit().completeOnTimeout(null, 5, TimeUnit.SECONDS).get())
                    .as("the engine ended within 5 s of the JVM's death").isNotNull();
            assertThat(engine.isAlive()).isFalse();
            assertThat(ProcessHandle.allProcesses().filter(p -> p.pid() == engine.pid()).count()).isZero();
        } finally {
            jvm.descendants().forEach(ProcessHandle::destroyForcibly);
            jvm.destroyForcibly();
        }
    }

    @Test
    void anInterruptedTranscriptionKillsAndReapsItsChildBeforeItReturns() throws Exception {
        assumeInstalled();
        Path audio = Files.copy(longLesson, dir.resolve("interrupted.audio"));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                new PocketsphinxTranscriber(new FfmpegAudioDecoder()).transcribe(audio, p -> { });
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "interrupted-worker");
        worker.start();
        ProcessHandle engine = awaitEngine(ProcessHandle.current(), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("no " + PROGRAM + " started"));

        worker.interrupt();
        Throwable thrown = outcome.get(20, TimeUnit.SECONDS);

        assertThat(thrown).isInstanceOf(TranscriptionException.class).hasMessageContaining("stopped");
        assertThat(engine.isAlive()).as("the child is gone when transcribe returns").isFalse();
        assertThat(ProcessHandle.current().descendants().filter(PocketsphinxDiesWithItsJvmTest::isEngine).toList())
                .isEmpty();
        worker.join(5_000);
    }

    private static Optional<ProcessHandle> awaitEngine(ProcessHandle parent, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> engines = parent.descendants().filter(PocketsphinxDiesWithItsJvmTest::isEngine)
                    .toList();
            if (!engines.isEmpty()) {
                return Optional.of(engines.get(0));
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    private static boolean isEngine(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("/" + PROGRAM)).orElse(false);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "(unreadable: " + e + ")";
        }
    }
}
