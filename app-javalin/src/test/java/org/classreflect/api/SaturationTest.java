package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classreflect.sdk.config.Setting;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saturated server answers 503 with Retry-After quickly instead of stalling: uploads beyond the concurrent-upload
 * limit, and requests beyond the requests-in-flight limit once they have waited their short turn.
 */
class SaturationTest {

    @TempDir
    static Path dataDir;

    static ClassReflectServer server;
    static int port;
    static ApiClient admin;

    @BeforeAll
    static void start() throws Exception {
        server = ClassReflectServer.start(TestServers.settings(dataDir)
                .with(Setting.MAX_UPLOAD_MB, "10")
                .with(Setting.HTTP_MAX_REQUESTS, "2")
                .with(Setting.HTTP_QUEUE_WAIT, "300ms")
                .with(Setting.HTTP_RETRY_AFTER, "7s")
                .with(Setting.MAX_CONCURRENT_UPLOADS, "1")
                .with(Setting.HTTP_MIN_READ_GRACE, "60s")
                .with(Setting.TRUST_FORWARDED_HEADERS, "true"), new FakeTranscriber(), false);
        port = server.port();
        admin = new ApiClient(port).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void beyondTheLimitsTheServerAnswers503WithRetryAfter() throws Exception {
        String auth = "Authorization: Bearer " + admin.token() + "\r\n";
        List<Socket> held = new ArrayList<>();
        try {
            held.add(SlowSockets.stalled(port, "POST /api/recordings HTTP/1.1\r\nHost: x\r\n" + auth
                    + "Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 5000000\r\n\r\n"
                    + "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\r\n", 100 * 1024));
            Thread.sleep(500);

            byte[] small = ("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.wav\"\r\n\r\n"
                    + "abc\r\n--XYZ--\r\n").getBytes(StandardCharsets.ISO_8859_1);
            long t0 = System.nanoTime();
            RawHttp.Answer upload = RawHttp.exchange(port, RawHttp.head("POST", "/api/recordings", auth
                    + "Content-Type: multipart/form-data; boundary=XYZ\r\n", small.length), small, 3000);
            long uploadMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("second upload: %d in %d ms: %s%n", upload.status(), uploadMs, upload.body());
            assertThat(upload.status()).as(upload.toString()).isEqualTo(503);
            assertThat(upload.header("Retry-After")).isEqualTo("7");
            assertThat(upload.body()).contains("\"error\":\"busy\"").contains("\"inProgress\":1")
                    .contains("\"waiting\":1");

            held.add(SlowSockets.stalled(port, "POST /api/auth/login HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: 5000000\r\n\r\n{\"email\":\"", 100 * 1024));
            Thread.sleep(500);
            t0 = System.nanoTime();
            RawHttp.Answer busy = RawHttp.exchange(port, RawHttp.head("GET", "/api/auth/me", "", -1), new byte[0],
                    3000);
            long busyMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("request beyond the limit: %d in %d ms%n", busy.status(), busyMs);
            assertThat(busy.status()).as(busy.toString()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isEqualTo("7");
            assertThat(busy.header("Content-Type")).startsWith("application/json");
            assertThat(busy.body()).contains("\"error\":\"busy\"");
            assertThat(busyMs).isLessThan(1500);

            RawHttp.Answer health = RawHttp.exchange(port, RawHttp.head("GET", "/health", "", -1), new byte[0], 3000);
            assertThat(health.status()).as("liveness is not limited").isEqualTo(200);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status;
        do {
            Thread.sleep(100);
            status = RawHttp.exchange(port, RawHttp.head("GET", "/api/auth/me", "", -1), new byte[0], 3000).status();
        } while (status != 401 && System.nanoTime() < deadline);
        assertThat(status).as("served again once the held requests ended").isEqualTo(401);
        assertThat(admin.upload("lesson.wav", "RIFF".getBytes(StandardCharsets.US_ASCII), Map.of()).status())
                .as("the upload slot is free again").isNotEqualTo(503);
    }

    @Test
    void hstsOnlyWhenTheTrustedProxySaysHttps() throws Exception {
        RawHttp.Answer https = RawHttp.exchange(port, RawHttp.head("GET", "/", "X-Forwarded-Proto: https\r\n", -1),
                new byte[0], 3000);
        assertThat(https.header("Strict-Transport-Security")).startsWith("max-age=");
        RawHttp.Answer http = RawHttp.exchange(port, RawHttp.head("GET", "/", "", -1), new byte[0], 3000);
        assertThat(http.header("Strict-Transport-Security")).isNull();
    }
}
