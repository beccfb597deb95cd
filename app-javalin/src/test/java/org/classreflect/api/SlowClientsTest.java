package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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
        List<Socket> slow = new ArrayList<>();
        String head = "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4000\r\n\r\n{\"email\":\"";
        int opened = 0;
        try {
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                s.setSoTimeout(50);
                s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
                opened++;
            }
            // trickle one byte per connection every 200 ms for 1.5 s: all of them are now waiting on their bodies
            trickle(slow, 8);

            ApiClient client = new ApiClient(port);
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
                trickle(slow, 1);
            }
            System.out.printf("slow connections: %d; 6 normal requests answered %s, slowest in %d ms%n", opened,
                    statuses, worst);
            assertThat(statuses).allMatch(s -> s == 401 || s == 503);
            assertThat(worst).isLessThan(1000);

            // past the grace the trickling bodies are refused with 408 and their connections freed
            long deadline = System.nanoTime() + 8_000_000_000L;
            int ended = 0;
            while (System.nanoTime() < deadline && ended < slow.size()) {
                trickle(slow, 1);
                ended = 0;
                for (Socket s : slow) {
                    if (s.isClosed() || answered(s)) {
                        ended++;
                    }
                }
            }
            System.out.printf("trickling connections ended by the server: %d of %d%n", ended, slow.size());
            assertThat(ended).isEqualTo(slow.size());
            RawHttp.Answer after = RawHttp.exchange(port, RawHttp.head("POST", "/api/auth/login",
                    "Content-Type: application/json\r\n", 2), "{}".getBytes(StandardCharsets.US_ASCII), 2000);
            assertThat(after.status()).isBetween(400, 401);
            assertThat(client).isNotNull();
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    private static final Map<Socket, Boolean> ANSWERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** True once the server has written anything (an answer) or closed the connection. */
    private static boolean answered(Socket s) {
        if (ANSWERED.containsKey(s)) {
            return true;
        }
        try {
            int b = s.getInputStream().read();
            ANSWERED.put(s, Boolean.TRUE);
            return b != 0 || true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            ANSWERED.put(s, Boolean.TRUE);
            return true;
        }
    }

    private static void trickle(List<Socket> sockets, int rounds) throws InterruptedException {
        for (int r = 0; r < rounds; r++) {
            for (Socket s : sockets) {
                if (ANSWERED.containsKey(s)) {
                    continue;
                }
                try {
                    OutputStream out = s.getOutputStream();
                    out.write('a');
                    out.flush();
                } catch (IOException e) {
                    ANSWERED.put(s, Boolean.TRUE);
                }
            }
            Thread.sleep(200);
        }
    }
}
