package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.sdk.config.Setting;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slowloris on loopback: hundreds of connections trickle login bodies a byte at a time; normal requests must still be
 * answered within a second (served, or 503 at once), and the trickling ones end with 408 once the grace has passed.
 */
class SlowClientsTest {

    private static final int SLOW_CONNECTIONS = 300;

    @TempDir
    static Path dataDir;

    static ClassReflectServer server;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        server = ClassReflectServer.start(TestServers.settings(dataDir)
                .with(Setting.HTTP_MIN_READ_RATE, "100")
                .with(Setting.HTTP_MIN_READ_GRACE, "2s")
                .with(Setting.HTTP_IDLE_TIMEOUT, "10s"), new FakeTranscriber(), false);
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tricklingClientsDoNotStarveNormalRequests() throws Exception {
        String head = "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4000\r\n\r\n{\"email\":\"";
        try (SlowSockets slow = SlowSockets.open(port, SLOW_CONNECTIONS, head)) {
            // trickle one byte per connection every 200 ms for 1.5 s: all of them are now waiting on their bodies
            slow.trickle(8);

            long worst = 0;
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long t0 = System.nanoTime();
                RawHttp.Answer a = RawHttp.exchange(port, RawHttp.head("GET", "/api/auth/me", "", -1), new byte[0],
                        3000);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                worst = Math.max(worst, ms);
                statuses.add(a.status());
                if (a.status() == 503) {
                    assertThat(a.header("Retry-After")).isNotNull();
                }
                slow.trickle(1);
            }
            System.out.printf("slow connections: %d; 6 normal requests answered %s, slowest in %d ms%n", slow.size(),
                    statuses, worst);
            assertThat(statuses).allMatch(s -> s == 401 || s == 503);
            assertThat(worst).isLessThan(1000);

            // past the grace the trickling bodies are refused with 408 and their connections freed
            int ended = slow.awaitEnded(Duration.ofSeconds(8));
            System.out.printf("trickling connections ended by the server: %d of %d%n", ended, slow.size());
            assertThat(ended).isEqualTo(SLOW_CONNECTIONS);
            RawHttp.Answer after = RawHttp.exchange(port, RawHttp.head("POST", "/api/auth/login",
                    "Content-Type: application/json\r\n", 2), "{}".getBytes(StandardCharsets.US_ASCII), 2000);
            assertThat(after.status()).isBetween(400, 401);
        }
    }
}
