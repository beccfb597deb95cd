package org.classreflect.api.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP meters: each request's time by method, route (the matched path template, never the raw path, so ids do not
 * multiply the series) and status, and the requests in flight. Requests Jetty refuses before Javalin sees them (503
 * when saturated) are not counted.
 */
public final class HttpMetrics {

    private static final String COUNTED = "classreflect.metrics.counted";

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("http.server.requests.in.flight", inFlight, AtomicInteger::get)
                .description("requests being handled").strongReference(true).register(registry);
    }

    /** Called first, so that every later before-handler (authentication may refuse) runs inside the count. */
    public void begin(Context ctx) {
        inFlight.incrementAndGet();
        ctx.attribute(COUNTED, Boolean.TRUE);
    }

    /** Called once the answer is sent. */
    public void end(Context ctx, float millis) {
        if (ctx.attribute(COUNTED) != null) {
            inFlight.decrementAndGet();
        }
        Timer.builder("http.server.requests").description("HTTP requests handled")
                    .tag("method", ctx.method().name()).tag("route", route(ctx))
                    .tag("status", Integer.toString(ctx.statusCode())).register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    private static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) {
            return matched.path;
        }
        return ctx.statusCode() == 404 ? "unmatched" : "static";
    }
}
