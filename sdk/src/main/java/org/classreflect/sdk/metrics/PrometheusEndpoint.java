package org.classreflect.sdk.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;

/**
 * A listener of its own that answers GET /metrics with the process's meters: what the worker (which has no HTTP
 * server) and an API whose public port should not serve metrics give their scraper. One thread: a scrape is quick.
 */
public final class PrometheusEndpoint implements AutoCloseable {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;

    private PrometheusEndpoint(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /** Started when METRICS_PORT is set; empty otherwise. */
    public static Optional<PrometheusEndpoint> fromSettings(Settings settings, ProcessMetrics metrics)
            throws IOException {
        Optional<String> port = settings.optional(Setting.METRICS_PORT);
        if (port.isEmpty()) {
            return Optional.empty();
        }
        InetSocketAddress address = new InetSocketAddress(settings.text(Setting.METRICS_HOST),
                Integer.parseInt(port.get()));
        return Optional.of(start(address, metrics, new MetricsAccess(settings.optional(Setting.METRICS_TOKEN))));
    }

    public static PrometheusEndpoint start(InetSocketAddress address, ProcessMetrics metrics, MetricsAccess access)
            throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("GET")) {
                    answer(exchange, 405, "text/plain", "GET only");
                } else if (!access.allows(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                    answer(exchange, 401, "text/plain", "a bearer token is required");
                } else {
                    answer(exchange, 200, CONTENT_TYPE, metrics.scrape());
                }
            }
        });
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics-endpoint");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.start();
        return new PrometheusEndpoint(server, thread);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
