package org.classreflect.testfixtures.servers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The EC2 instance metadata service, IMDSv2 only, on a loopback port: {@code PUT /latest/api/token} hands out a
 * session token, and every read must carry it (else 401, as on an instance that requires IMDSv2). It answers the
 * instance id, the region, and {@code spot/instance-action}: 404 until a test announces a spot interruption.
 */
public final class FakeImds implements AutoCloseable {

    private static final String SPOT_ACTION = "/latest/meta-data/spot/instance-action";

    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger spotChecks = new AtomicInteger();
    private final AtomicInteger spotFailuresToGo = new AtomicInteger();
    private final HttpServer server;
    private volatile String instanceId = "i-0123456789abcdef0";
    private volatile String region = "eu-west-1";
    private volatile String spotAction;

    private FakeImds() {
        server = LoopbackHttp.start(this::handle);
    }

    public static FakeImds start() {
        return new FakeImds();
    }

    public URI endpoint() {
        return LoopbackHttp.endpoint(server);
    }

    public FakeImds instanceId(String id) {
        instanceId = id;
        return this;
    }

    public FakeImds region(String name) {
        region = name;
        return this;
    }

    /** From now on {@code spot/instance-action} answers that the instance will be stopped or terminated at {@code time}. */
    public void announceSpotInterruption(String action, Instant time) {
        spotAction = "{\"action\": \"" + action + "\", \"time\": \"" + time + "\"}";
    }

    /** The next {@code count} reads of {@code spot/instance-action} fail with 500, as a metadata service hiccup. */
    public void failNextSpotChecks(int count) {
        spotFailuresToGo.set(count);
    }

    /** How many times {@code spot/instance-action} was read with a valid token. */
    public int spotChecks() {
        return spotChecks.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (method.equals("PUT") && path.equals("/latest/api/token")) {
            String ttl = exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds");
            if (ttl == null) {
                text(exchange, 400, "");
                return;
            }
            String token = UUID.randomUUID().toString();
            tokens.add(token);
            exchange.getResponseHeaders().set("X-aws-ec2-metadata-token-ttl-seconds", ttl);
            text(exchange, 200, token);
            return;
        }
        if (!method.equals("GET") || !tokens.contains(String.valueOf(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token")))) {
            text(exchange, 401, "");
            return;
        }
        switch (path) {
            case "/latest/meta-data/instance-id" -> text(exchange, 200, instanceId);
            case "/latest/meta-data/placement/region" -> text(exchange, 200, region);
            case SPOT_ACTION -> spotAction(exchange);
            default -> text(exchange, 404, "");
        }
    }

    private void spotAction(HttpExchange exchange) throws IOException {
        spotChecks.incrementAndGet();
        if (spotFailuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            text(exchange, 500, "");
        } else if (spotAction == null) {
            text(exchange, 404, "");
        } else {
            LoopbackHttp.respond(exchange, 200, "application/json", spotAction);
        }
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        LoopbackHttp.respond(exchange, status, "text/plain", body);
    }
}
