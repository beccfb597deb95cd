package org.classreflect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The `models` command as a user runs it, against a model host on loopback that serves a wrong file. */
class ModelsCommandTest {

    private static final List<String> PROPERTIES = List.of("classreflect.models.dir", "classreflect.models.url",
            "classreflect.whisper.model");

    @TempDir
    Path temp;

    private HttpServer host;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startHost() throws Exception {
        host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/", exchange -> {
            try (exchange) {
                requested.add(exchange.getRequestURI().getPath());
                byte[] notTheModel = "this is not ggml-tiny.en.bin".getBytes();
                exchange.sendResponseHeaders(200, notTheModel.length);
                exchange.getResponseBody().write(notTheModel);
            }
        });
        host.start();
        System.setProperty("classreflect.models.dir", temp.resolve("models").toString());
        System.setProperty("classreflect.models.url", "http://127.0.0.1:" + host.getAddress().getPort() + "/mirror/");
        System.setProperty("classreflect.whisper.model", temp.resolve("models/ggml-base.en.bin").toString());
    }

    @AfterEach
    void stopHost() {
        host.stop(0);
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void listShowsTheCatalogueAndWhichModelsAreHere() throws Exception {
        Files.createDirectories(temp.resolve("models"));
        Files.writeString(temp.resolve("models/ggml-small.en-q5_1.bin"), "present");
        Files.writeString(temp.resolve("models/ggml-base.en.bin"), "present");

        int exit = run("models", "list");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("Models directory: " + temp.resolve("models"))
                .containsPattern("small\\.en-q5_1 +181 MiB +English +yes")
                .containsPattern("base\\.en +141 MiB +English +default")
                .containsPattern("large-v3-turbo-q5_0 +547 MiB +any {2,}")
                .contains("tiny", "medium-q5_0");
    }

    @Test
    void pullFromTheConfiguredHostRefusesAFileThatFailsItsChecksum() throws Exception {
        int exit = run("models", "pull", "tiny.en");

        assertThat(exit).isEqualTo(ModelsCommand.FAILED);
        assertThat(requested).containsExactly("/mirror/ggml-tiny.en.bin");
        assertThat(err.toString()).contains("Not installed").contains("nothing was installed");
        assertThat(temp.resolve("models/ggml-tiny.en.bin")).doesNotExist();
        assertThat(temp.resolve("models/ggml-tiny.en.bin.part")).doesNotExist();
    }

    @Test
    void aWorkerThatCannotInstallItsModelExitsBeforeTakingWork() {
        int exit = run("work", "--pull-model", "tiny.en", "--stop-after-empty-polls", "1");

        assertThat(exit).isEqualTo(ModelsCommand.FAILED);
        assertThat(requested).containsExactly("/mirror/ggml-tiny.en.bin");
        assertThat(err.toString()).contains("Not installed");
        assertThat(out.toString()).doesNotContain("worker stopped");
        assertThat(temp.resolve("models/ggml-tiny.en.bin")).doesNotExist();
    }

    @Test
    void pullOfAnUnknownModelSaysWhichExist() {
        int exit = run("models", "pull", "enormous");

        assertThat(exit).isEqualTo(ModelsCommand.NOT_IN_CATALOGUE);
        assertThat(err.toString()).contains("No model called enormous").contains("base.en, ");
        assertThat(requested).isEmpty();
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new WorkerMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
