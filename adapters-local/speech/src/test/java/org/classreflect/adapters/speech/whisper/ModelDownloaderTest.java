package org.classreflect.adapters.speech.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.classreflect.adapters.speech.whisper.ModelDownloader.Pulled;
import org.classreflect.adapters.speech.whisper.ModelDownloader.Verification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from an HTTP server on loopback that serves a generated "model" and can misbehave on purpose. */
class ModelDownloaderTest {

    private static final byte[] MODEL = generated(300_000);
    private static final String MODEL_SHA256 = sha256(MODEL);
    /** Only a downloader that stopped reading waits this long; the test then fails on the resume point. */
    private static final Duration STORE_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path models;

    private HttpServer server;
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    /** Requests whose body is cut short after half of what they should send. */
    private final AtomicInteger requestsToCut = new AtomicInteger();
    private ModelDownloader downloader;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/models/", this::serve);
        server.start();
        downloader = new ModelDownloader(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/models"));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aFullDownloadIsVerifiedAndInstalled() throws Exception {
        List<Long> progress = new CopyOnWriteArrayList<>();

        Pulled pulled = downloader.pull(model("test", MODEL.length, MODEL_SHA256), models, (done, total) -> {
            assertThat(total).isEqualTo(MODEL.length);
            progress.add(done);
        });

        assertThat(pulled.file()).isEqualTo(models.resolve("ggml-test.bin"));
        assertThat(pulled.verification()).isEqualTo(Verification.SHA256_MATCHED);
        assertThat(pulled.alreadyPresent()).isFalse();
        assertThat(Files.readAllBytes(pulled.file())).isEqualTo(MODEL);
        assertThat(models.resolve("ggml-test.bin.part")).doesNotExist();
        assertThat(progress).isSorted().endsWith((long) MODEL.length);
        assertThat(ranges).containsExactly("none");
    }

    @Test
    void aDownloadCutOffIsResumedFromWhereItStopped() throws Exception {
        requestsToCut.set(1);

        Pulled pulled = downloader.pull(model("test", MODEL.length, MODEL_SHA256), models, ModelDownloader.Progress.IGNORE);

        assertThat(Files.readAllBytes(pulled.file())).isEqualTo(MODEL);
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(0)).isEqualTo("none");
        assertThat(ranges.get(1)).isEqualTo("bytes=" + MODEL.length / 2 + "-");
    }

    @Test
    void whenEveryAttemptIsCutOffThePartIsKeptAndTheNextPullResumesIt() throws Exception {
        requestsToCut.set(ModelDownloader.ATTEMPTS);
        CatalogueModel model = model("test", MODEL.length, MODEL_SHA256);

        assertThatThrownBy(() -> downloader.pull(model, models, ModelDownloader.Progress.IGNORE))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("Run the same command again to resume");
        assertThat(models.resolve("ggml-test.bin")).doesNotExist();
        long kept = Files.size(models.resolve("ggml-test.bin.part"));
        assertThat(kept).isGreaterThan(0).isLessThan(MODEL.length);

        ranges.clear();
        Pulled pulled = downloader.pull(model, models, ModelDownloader.Progress.IGNORE);

        assertThat(Files.readAllBytes(pulled.file())).isEqualTo(MODEL);
        assertThat(ranges).containsExactly("bytes=" + kept + "-");
    }

    @Test
    void aFileThatFailsItsChecksumIsRefusedAndNothingIsInstalled() {
        String wrong = sha256("something else".getBytes());

        assertThatThrownBy(() -> downloader.pull(model("test", MODEL.length, wrong), models,
                ModelDownloader.Progress.IGNORE))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("failed its checksum").hasMessageContaining(MODEL_SHA256)
                .hasMessageContaining(wrong).hasMessageContaining("nothing was installed");
        assertThat(models).isEmptyDirectory();
    }

    @Test
    void aModelTheHostDoesNotHaveIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> downloader.pull(model("missing", MODEL.length, MODEL_SHA256), models,
                ModelDownloader.Progress.IGNORE))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("/models/ggml-missing.bin")
                .hasMessageContaining("models list");
        assertThat(models).isEmptyDirectory();
    }

    @Test
    void withoutAPublishedChecksumTheModelIsInstalledButSaidToBeUnverified() throws Exception {
        CatalogueModel unknown = new CatalogueModel("test", OptionalLong.empty(), Optional.empty(), "no facts");

        Pulled pulled = downloader.pull(unknown, models, ModelDownloader.Progress.IGNORE);

        assertThat(pulled.verification()).isEqualTo(Verification.NOT_VERIFIED);
        assertThat(pulled.sha256()).isEqualTo(MODEL_SHA256);
        assertThat(Files.readAllBytes(pulled.file())).isEqualTo(MODEL);
    }

    @Test
    void aModelAlreadyInPlaceAndMatchingIsNotDownloadedAgain() throws Exception {
        Files.write(models.resolve("ggml-test.bin"), MODEL);

        Pulled pulled = downloader.pull(model("test", MODEL.length, MODEL_SHA256), models,
                ModelDownloader.Progress.IGNORE);

        assertThat(pulled.alreadyPresent()).isTrue();
        assertThat(ranges).isEmpty();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String range = exchange.getRequestHeaders().getFirst("Range");
            ranges.add(range == null ? "none" : range);
            if (!exchange.getRequestURI().getPath().equals("/models/ggml-test.bin")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
            int length = MODEL.length - from;
            if (range != null) {
                exchange.getResponseHeaders().add("Content-Range",
                        "bytes " + from + "-" + (MODEL.length - 1) + "/" + MODEL.length);
            }
            exchange.sendResponseHeaders(range == null ? 200 : 206, length);
            OutputStream body = exchange.getResponseBody();
            if (requestsToCut.getAndDecrement() > 0) {
                body.write(MODEL, from, length / 2);
                body.flush();
                awaitStored(from + length / 2);
                return; // closing now, short of the declared length, drops the connection
            }
            body.write(MODEL, from, length);
        }
    }

    /**
     * Holds a connection about to be cut until the downloader has stored every byte sent on it. Dropped sooner, the
     * JDK's HTTP client may report the drop before it hands over bytes it has already received (its "closed"
     * error); the download then breaks off short of where the server stopped, as it did once under load.
     */
    private void awaitStored(long bytes) {
        Path part = models.resolve("ggml-test.bin.part");
        long deadline = System.nanoTime() + STORE_WAIT.toNanos();
        try {
            while (!(Files.exists(part) && Files.size(part) >= bytes) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CatalogueModel model(String name, long size, String sha256) {
        return new CatalogueModel(name, OptionalLong.of(size), Optional.of(sha256), "a test model");
    }

    private static byte[] generated(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
