package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.api.ApiClient.fields;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte ranges of a recording's audio over HTTP; each request has a timeout, so a server that never answers fails. */
class AudioRangeRequestsTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path dataDir;

    static ClassReflectServer server;
    static ApiClient teacher;
    static byte[] audio;
    static String path;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dataDir, new FakeTranscriber());
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Range Primary")).json().get("id").asText();
        admin.post("/api/users", Map.of("email", "t@range.test", "displayName", "Tess Teacher", "role", "teacher",
                "schoolId", school, "password", "teacher-kettle-orbit-1"));
        teacher = admin.as("t@range.test", "teacher-kettle-orbit-1");
        audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        ApiClient.Response upload = teacher.upload("lesson.wav", audio, fields("className", "5B"));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        path = "/api/recordings/" + upload.json().get("id").asText() + "/audio";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRangePastTheEndIsUnsatisfiableAtOnce() throws Exception {
        HttpResponse<byte[]> response = fetch("bytes=999999999-");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */" + audio.length);
        assertThat(response.body()).isEmpty();
        assertThat(fetch("bytes=-0").statusCode()).isEqualTo(416);
    }

    @Test
    void aSuffixRangeIsTheLastBytes() throws Exception {
        HttpResponse<byte[]> response = fetch("bytes=-100");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("Content-Range"))
                .hasValue("bytes " + (audio.length - 100) + "-" + (audio.length - 1) + "/" + audio.length);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("100");
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(audio, audio.length - 100, audio.length));
    }

    @Test
    void anOpenRangeRunsToTheEnd() throws Exception {
        HttpResponse<byte[]> response = fetch("bytes=1000-");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("Content-Range"))
                .hasValue("bytes 1000-" + (audio.length - 1) + "/" + audio.length);
        assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(audio, 1000, audio.length));
    }

    @Test
    void aClosedRangeEndingPastTheEndIsClipped() throws Exception {
        HttpResponse<byte[]> response = fetch("bytes=" + (audio.length - 10) + "-" + (audio.length + 500));

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(audio, audio.length - 10, audio.length));
    }

    @Test
    void severalRangesOrAMalformedOneGetTheWholeFile() throws Exception {
        for (String ignored : new String[] {"bytes=0-1,5-6", "bytes=abc", "bytes=9-3"}) {
            HttpResponse<byte[]> response = fetch(ignored);

            assertThat(response.statusCode()).as(ignored).isEqualTo(200);
            assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
            assertThat(response.body()).as(ignored).isEqualTo(audio);
        }
    }

    private static HttpResponse<byte[]> fetch(String range) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + teacher.token())
                .header("Range", range)
                .timeout(REQUEST_TIMEOUT)
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
