package org.classreflect.api.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One signed-in user of the API over loopback HTTP, timing each request into a {@link Latencies}. */
final class BenchClient {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;
    private final String token;

    private BenchClient(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    static BenchClient login(HttpClient http, int port, String email, String password) throws Exception {
        String base = "http://127.0.0.1:" + port;
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("login of " + email + " failed: " + r.statusCode() + " " + r.body());
        }
        return new BenchClient(http, base, m.group(1));
    }

    static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** GETs {@code path}, reading the whole answer; ok when 200. */
    boolean get(String path, Latencies into) {
        return timed(into, () -> http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                .statusCode() == 200);
    }

    /** Uploads a WAV as a browser form would; ok when 202. */
    boolean upload(byte[] wav, String className, Latencies into) {
        String boundary = "bench-boundary";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"className\"\r\n\r\n" + className
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lesson.wav\""
                + "\r\nContent-Type: audio/wav\r\n\r\n";
        return timed(into, () -> http.send(request("/api/recordings")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofByteArray(wav),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 202);
    }

    /**
     * Follows the live status stream until the thread is interrupted, counting its events; the time to open it
     * goes to {@code into}.
     */
    void follow(Latencies into, AtomicInteger events) {
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> r = http.send(request("/api/recordings/events").timeout(Duration.ofHours(1))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            into.record(System.nanoTime() - start, r.statusCode() == 200);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while (!Thread.currentThread().isInterrupted() && (line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        events.incrementAndGet();
                    }
                }
            }
        } catch (Exception e) {
            if (!Thread.currentThread().isInterrupted()) {
                into.record(System.nanoTime() - start, false);
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token);
    }

    private interface Call {
        boolean run() throws Exception;
    }

    private static boolean timed(Latencies into, Call call) {
        long start = System.nanoTime();
        boolean ok;
        try {
            ok = call.run();
        } catch (Exception e) {
            ok = false;
        }
        into.record(System.nanoTime() - start, ok);
        return ok;
    }
}
