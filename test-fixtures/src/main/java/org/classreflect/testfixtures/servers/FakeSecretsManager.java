package org.classreflect.testfixtures.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small stand-in for AWS Secrets Manager on a free loopback port, speaking its JSON 1.1 protocol for the one call
 * ClassReflect makes: {@code X-Amz-Target: secretsmanager.GetSecretValue}. Secrets are put by the test; every call is
 * counted so that caching can be checked.
 */
public final class FakeSecretsManager implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private FakeSecretsManager(HttpServer server) {
        this.server = server;
    }

    public static FakeSecretsManager start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeSecretsManager fake = new FakeSecretsManager(server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FakeSecretsManager put(String secretId, String secretString) {
        secrets.put(secretId, secretString);
        return this;
    }

    /** How many times GetSecretValue asked for this secret. */
    public int calls(String secretId) {
        AtomicInteger n = calls.get(secretId);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)) {
                error(exchange, 400, "UnknownOperationException", "this fake answers GetSecretValue only");
                return;
            }
            String id = request == null ? null : request.path("SecretId").asText(null);
            if (id != null) {
                calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            String value = id == null ? null : secrets.get(id);
            if (value == null) {
                error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
                return;
            }
            ObjectNode body = JSON.createObjectNode()
                    .put("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + id)
                    .put("Name", id)
                    .put("VersionId", "00000000-0000-0000-0000-000000000001")
                    .put("SecretString", value)
                    .put("CreatedDate", 1.7e9);
            body.putArray("VersionStages").add("AWSCURRENT");
            send(exchange, 200, body);
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        send(exchange, status, JSON.createObjectNode().put("__type", type).put("message", message));
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
