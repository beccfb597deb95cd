package org.classreflect.testfixtures.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A language-model server on 127.0.0.1 that answers each request, on any path, with the next scripted {@link Reply}
 * and records what it was sent. Replies can be chat answers in the OpenAI chat-completions or the Bedrock Converse
 * format, any status and body, with headers, and late (to make a client time out). With no reply left it answers
 * 500 "no scripted reply", which a test sees as a failure.
 */
public final class FakeChatServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the server received it; header names are case-insensitive. */
    public record Request(String method, String path, Map<String, String> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body, Duration delay) {

        public static Reply of(int status, String contentType, String body) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", contentType);
            return new Reply(status, headers, body, Duration.ZERO);
        }

        public static Reply json(int status, String body) {
            return of(status, "application/json", body);
        }

        /** A chat-completions answer whose message content is {@code content}. */
        public static Reply openAiAnswer(String content) {
            ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                    .put("model", "fake-model");
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            return json(200, body.toString());
        }

        /** An OpenAI-style error body {@code {"error": {"message": ...}}}. */
        public static Reply openAiError(int status, String message) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("error").put("message", message).put("type", "fake_error");
            return json(status, body.toString());
        }

        /** A Bedrock Converse answer whose message text is {@code content}. */
        public static Reply converseAnswer(String content) {
            ObjectNode body = JSON.createObjectNode().put("stopReason", "end_turn");
            ObjectNode message = body.putObject("output").putObject("message").put("role", "assistant");
            message.putArray("content").addObject().put("text", content);
            body.putObject("usage").put("inputTokens", 10).put("outputTokens", 20).put("totalTokens", 30);
            body.putObject("metrics").put("latencyMs", 5);
            return json(200, body.toString());
        }

        /** A Bedrock error: the error type in the header the AWS JSON protocols read, the message in the body. */
        public static Reply awsError(int status, String errorType, String message) {
            return json(status, JSON.createObjectNode().put("message", message).toString())
                    .withHeader("x-amzn-ErrorType", errorType);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Reply(status, copy, body, delay);
        }

        /** The same reply, sent only after {@code wait}. */
        public Reply after(Duration wait) {
            return new Reply(status, headers, body, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeChatServer(HttpServer server) {
        this.server = server;
    }

    public static FakeChatServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeChatServer fake = new FakeChatServer(http);
            http.createContext("/", fake::handle);
            http.setExecutor(fake.threads);
            http.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues replies, sent one per request in this order. */
    public FakeChatServer reply(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public int repliesLeft() {
        return script.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body));
            Reply reply = script.poll();
            if (reply == null) {
                reply = Reply.of(500, "text/plain", "no scripted reply");
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException clientGone) {
            // a client that timed out has closed the connection; nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
