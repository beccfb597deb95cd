package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web app's files are kept by the browser and checked with their validator: unchanged, a 304 with no body. */
class StaticFilesCachingTest {

    @TempDir
    static Path dataDir;

    static ClassReflectServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dataDir, new FakeTranscriber());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aModuleComesWithAValidatorAndAnUnchangedOneIsNotSentAgain() throws Exception {
        for (String file : new String[] {"/js/app.js", "/css/app.css", "/index.html"}) {
            HttpResponse<String> first = get(file, null);
            assertThat(first.statusCode()).as(file).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control")).as(file).hasValue("no-cache");
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(file + " has no ETag"));

            HttpResponse<String> again = get(file, etag);

            assertThat(again.statusCode()).as(file).isEqualTo(304);
            assertThat(again.body()).as(file).isEmpty();
        }
    }

    private static HttpResponse<String> get(String path, String etag) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
