package org.classreflect.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** A plain HTTP client for the API, as any program would use it: JSON in, JSON out, multipart uploads. */
final class ApiClient {

    record Response(int status, JsonNode json) {
    }

    /** An answer read as text, for the endpoints that answer files rather than JSON. */
    record TextResponse(int status, String contentType, String contentDisposition, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String token;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    ApiClient login(String email, String password) throws Exception {
        Response r = post("/api/auth/login", Map.of("email", email, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r);
        }
        token = r.json().get("token").asText();
        return this;
    }

    String token() {
        return token;
    }

    ApiClient as(String email, String password) throws Exception {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1))).login(email, password);
    }

    Response get(String path) throws Exception {
        return send(request(path).GET());
    }

    TextResponse getText(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new TextResponse(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                r.headers().firstValue("Content-Disposition").orElse(null), r.body());
    }

    String getToken() {
        return token;
    }

    /** The same server with another bearer token, e.g. a personal API token instead of a sign-in. */
    ApiClient withToken(String bearer) {
        ApiClient other = new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)));
        other.token = bearer;
        return other;
    }

    Response delete(String path) throws Exception {
        return send(request(path).DELETE());
    }

    Response post(String path, Object body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response put(String path, Object body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response patch(String path, Object body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response upload(String fileName, byte[] content, Map<String, String> fields) throws Exception {
        return upload("/api/recordings", fileName, content, fields);
    }

    /** A multipart POST with the content in part "file". */
    Response upload(String path, String fileName, byte[] content, Map<String, String> fields) throws Exception {
        String boundary = "----classreflect" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.write(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A multipart POST to /api/recordings with a transcript file in part "transcript" and no audio. */
    Response uploadTranscript(String fileName, String transcript, Map<String, String> fields) throws Exception {
        String boundary = "----classreflect" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"transcript\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/plain\r\n\r\n" + transcript + "\r\n--" + boundary + "--\r\n");
        return send(request("/api/recordings").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Polls a GET until the answer satisfies the condition; fails with the last answer after the timeout. */
    JsonNode await(String path, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last;
        do {
            last = get(path);
            if (last.status() == 200 && condition.test(last.json())) {
                return last.json();
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("gave up waiting on " + path + "; last answer: " + last);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        return new Response(r.statusCode(), body == null || body.isEmpty() ? null : JSON.readTree(body));
    }

    private static void write(ByteArrayOutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> fields(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
