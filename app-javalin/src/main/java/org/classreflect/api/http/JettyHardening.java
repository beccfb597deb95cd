package org.classreflect.api.http;

import io.javalin.config.JettyConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * What Jetty does before a request reaches Javalin: security headers on every answer, no method override, a minimum
 * request-body rate, small bodies read without a thread, a bounded number of requests in flight (503 + Retry-After
 * beyond it), a bounded number of connections and an idle timeout. See docs/decisions.md, "The HTTP server's limits".
 */
public final class JettyHardening {

    /** The web app loads its own scripts, styles and Chart.js (a webjar) from this origin, and talks only to it. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; media-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Headers that let a GET act as another method; Javalin's {@code ctx.method()} reads the first. */
    static final String[] METHOD_OVERRIDE_HEADERS = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"};

    /** The event stream lives for hours and costs no thread between events; liveness must answer under load. */
    static final String[] UNLIMITED_PATHS = {"/api/recordings/events", "/health"};

    /** Bodies up to this size are read before a thread is given to the request. */
    static final int EAGER_BODY_BYTES = 64 * 1024;

    private JettyHardening() {
    }

    public static void apply(JettyConfig jetty, HttpLimits limits) {
        jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setIdleTimeout(limits.idleTimeout().toMillis());
            if (limits.trustForwardedHeaders()) {
                http.addCustomizer(new ForwardedRequestCustomizer());
            }
        });
        jetty.modifyServer(server -> {
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (Connector c : server.getConnectors()) {
                        if (c instanceof AbstractConnector connector) {
                            connector.setIdleTimeout(limits.idleTimeout().toMillis());
                        }
                    }
                }
            });
            server.setHandler(chain(server, limits));
        });
    }

    /** Outermost first; Javalin attaches its servlet context inside the innermost wrapper (the QoS handler). */
    static Handler chain(Server server, HttpLimits limits) {
        LimitedRequests inFlight = new LimitedRequests(limits);
        for (String path : UNLIMITED_PATHS) {
            inFlight.excludePath(path);
        }
        EagerContentHandler eager = new EagerContentHandler(inFlight,
                new EagerContentHandler.RetainedContentLoaderFactory(EAGER_BODY_BYTES, 64, false));
        eager.includeMethod("POST", "PUT", "PATCH", "DELETE");
        return new SecurityHeaders(new MinimumReadRate(eager, limits), limits);
    }

    /** Security headers on every answer, HSTS only over TLS; method-override headers are dropped. */
    static final class SecurityHeaders extends Handler.Wrapper {

        SecurityHeaders(Handler next, HttpLimits limits) {
            super(next);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            HttpFields.Mutable h = response.getHeaders();
            h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            h.put("X-Content-Type-Options", "nosniff");
            h.put("X-Frame-Options", "DENY");
            h.put("Referrer-Policy", "no-referrer");
            if (request.isSecure()) {
                h.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            return super.handle(withoutMethodOverride(request), response, callback);
        }

        private static Request withoutMethodOverride(Request request) {
            HttpFields headers = request.getHeaders();
            boolean present = false;
            for (String name : METHOD_OVERRIDE_HEADERS) {
                present |= headers.contains(name);
            }
            if (!present) {
                return request;
            }
            HttpFields.Mutable stripped = HttpFields.build(headers);
            for (String name : METHOD_OVERRIDE_HEADERS) {
                stripped.remove(name);
            }
            HttpFields kept = stripped.asImmutable();
            return new Request.Wrapper(request) {
                @Override
                public HttpFields getHeaders() {
                    return kept;
                }
            };
        }
    }

    /**
     * A request body must average {@code minReadBytesPerSecond} once {@code minReadGrace} has passed since its first
     * read; a slower one fails with 408, which frees its thread (or its place among the requests in flight).
     * Checked whenever the body is read or more of it is awaited; a client that sends nothing at all is ended by the
     * idle timeout instead. Writes are never rate-checked: the event stream idles 15 s between keep-alives.
     */
    static final class MinimumReadRate extends Handler.Wrapper {

        private final long minRate;
        private final long graceNanos;

        MinimumReadRate(Handler next, HttpLimits limits) {
            super(next);
            this.minRate = limits.minReadBytesPerSecond();
            this.graceNanos = limits.minReadGrace().toNanos();
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (minRate <= 0) {
                return super.handle(request, response, callback);
            }
            return super.handle(new RateRequest(request), response, callback);
        }

        private final class RateRequest extends Request.Wrapper {

            private long firstRead;
            private long bytes;

            RateRequest(Request request) {
                super(request);
            }

            private boolean tooSlow() {
                long now = NanoTime.now();
                if (firstRead == 0) {
                    firstRead = now;
                    return false;
                }
                long elapsed = NanoTime.elapsed(firstRead, now);
                if (elapsed < graceNanos) {
                    return false;
                }
                return bytes * 1_000_000_000L / Math.max(1, elapsed) < minRate;
            }

            @Override
            public Content.Chunk read() {
                Content.Chunk chunk = super.read();
                if (chunk != null && !Content.Chunk.isFailure(chunk)) {
                    bytes += chunk.remaining();
                    if (chunk.isLast()) {
                        return chunk;
                    }
                }
                if (chunk == null || !Content.Chunk.isFailure(chunk)) {
                    synchronized (this) {
                        if (tooSlow()) {
                            if (chunk != null) {
                                chunk.release();
                            }
                            return Content.Chunk.from(new HttpException.RuntimeException(408,
                                    "the request body arrives more slowly than " + minRate + " bytes/s"), true);
                        }
                    }
                }
                return chunk;
            }
        }
    }

    /** At most {@code maxRequests} in flight; others wait up to {@code queueWait}, then get 503 with Retry-After. */
    static final class LimitedRequests extends QoSHandler {

        private final long retryAfterSeconds;

        LimitedRequests(HttpLimits limits) {
            setMaxRequestCount(limits.maxRequests());
            setMaxSuspendedRequestCount(limits.maxQueued());
            setMaxSuspend(limits.queueWait());
            setRejectStatusCode(503);
            this.retryAfterSeconds = limits.retryAfterSeconds();
        }

        @Override
        protected void reject(Request request, Response response, Callback callback, int status) {
            busy(response, callback);
        }

        @Override
        protected void failSuspended(Request request, Response response, Callback callback, int status,
                                     Throwable failure) {
            busy(response, callback);
        }

        private void busy(Response response, Callback callback) {
            response.setStatus(503);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(retryAfterSeconds));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            String body = "{\"error\":\"busy\",\"message\":\"the server is handling as many requests as it can; "
                    + "try again in " + retryAfterSeconds + " s\"}";
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        }
    }
}
