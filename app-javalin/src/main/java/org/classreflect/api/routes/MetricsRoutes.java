package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import org.classreflect.api.http.Respond;
import org.classreflect.sdk.metrics.MetricsAccess;
import org.classreflect.sdk.metrics.ProcessMetrics;
import org.classreflect.sdk.metrics.PrometheusEndpoint;

/** GET /metrics on the API's own port, only when METRICS_TOKEN is set and only to a scraper that sends it. */
public final class MetricsRoutes {

    private final ProcessMetrics metrics;
    private final MetricsAccess access;

    public MetricsRoutes(ProcessMetrics metrics, MetricsAccess access) {
        this.metrics = metrics;
        this.access = access;
    }

    public void register(RoutesConfig routes) {
        if (!access.tokenRequired()) {
            return;
        }
        routes.get("/metrics", ctx -> {
            if (!access.allows(ctx.header("Authorization"))) {
                ctx.header("WWW-Authenticate", "Bearer");
                Respond.error(ctx, HttpStatus.UNAUTHORIZED, "unauthenticated", "a bearer token is required");
                return;
            }
            ctx.contentType(PrometheusEndpoint.CONTENT_TYPE).result(metrics.scrape());
        });
    }
}
