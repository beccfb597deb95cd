package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.util.Map;
import org.classreflect.core.health.CheckReadiness;

/** Liveness (the process answers) and readiness (its database, audio store and transcriber work). */
public final class HealthRoutes {

    private final CheckReadiness readiness;

    @Inject
    public HealthRoutes(CheckReadiness readiness) {
        this.readiness = readiness;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.json(Map.of("status", "up")));
        routes.get("/ready", ctx -> {
            CheckReadiness.Report report = readiness.execute();
            ctx.status(report.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(report);
        });
    }
}
