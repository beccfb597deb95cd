package org.classreflect.deploy.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/** The API container seen from outside, as a program would use it: JSON over HTTP and one multipart upload. */
final class RehearsalApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String token;

    RehearsalApi(int port) {
        this(URI.create("http://127.0.0.1:" + port), null);
    }

    private RehearsalApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    RehearsalApi login(String email, String password) throws Exception {
        HttpResponse<String> answer = send(json("/api/auth/login", Map.of("email", email, "password", password)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + answer.statusCode() + " " + answer.body());
        }
        return new RehearsalApi(base, JSON.readTree(answer.body()).get("token").asText());
    }

    int status(String path) throws Exception {
        return send(request(path).GET()).statusCode();
    }

    JsonNode get(String path) throws Exception {
        return body(send(request(path).GET()), 200);
    }

    JsonNode post(String path, Map<String, ?> fields) throws Exception {
        return body(send(json(path, fields)), 201);
    }

    /** Uploads a lesson recording (multipart part "file") and returns the recording's id. */
    String upload(String fileName, byte[] audio, String className) throws Exception {
        String boundary = "rehearsal" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"className\"\r\n\r\n"
                + className + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(audio);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = request("/api/recordings")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return body(send(request), 202).get("id").asText();
    }

    /** Reads {@code path} until {@code done} holds, or fails after {@code limit}. */
    JsonNode await(String path, Predicate<JsonNode> done, Duration limit) throws Exception {
        Instant until = Instant.now().plus(limit);
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            last = get(path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not reach the expected state within " + limit + "; last: " + last);
    }

    private HttpRequest.Builder json(String path, Map<String, ?> fields) throws Exception {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> answer, int expected) throws Exception {
        if (answer.statusCode() != expected) {
            throw new AssertionError(answer.request().method() + " " + answer.uri() + " answered "
                    + answer.statusCode() + " (expected " + expected + "): " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
