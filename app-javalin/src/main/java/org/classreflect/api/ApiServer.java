package org.classreflect.api;

import org.classreflect.api.http.JsonMapper;
import org.classreflect.api.http.Https;
import org.classreflect.sdk.config.Setting;
import org.classreflect.api.routes.AccessAudit;
import org.classreflect.api.routes.PrivacyRoutes;
import org.classreflect.api.routes.ExportRoutes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.classreflect.api.http.ClientError;
import org.classreflect.api.http.HttpLimits;
import org.classreflect.api.http.HttpMetrics;
import org.classreflect.api.http.RequestLog;
import org.classreflect.api.http.JettyHardening;
import org.classreflect.api.http.UploadSlots;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.metrics.MetricsAccess;
import org.classreflect.sdk.metrics.ProcessMetrics;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.http.BadRequest;
import org.classreflect.api.http.FailedMultipart;
import org.classreflect.api.http.Respond;
import org.classreflect.api.openai.OpenAiRoutes;
import org.classreflect.api.routes.AdminRoutes;
import org.classreflect.api.routes.AnalysisRoutes;
import org.classreflect.api.routes.ApiTokenRoutes;
import org.classreflect.api.routes.AuthRoutes;
import org.classreflect.api.routes.DirectUploadRoutes;
import org.classreflect.api.routes.HealthRoutes;
import org.classreflect.api.routes.MetricsRoutes;
import org.classreflect.api.routes.RecordingEventRoutes;
import org.classreflect.api.routes.RecordingRoutes;
import org.classreflect.api.routes.SchoolRoutes;
import org.classreflect.api.routes.UserRoutes;
import org.classreflect.core.recording.UploadLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: JSON API under /api, health under /health and /ready, the web app at /. */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Authenticator authenticator;
    private final AuthRoutes auth;
    private final SchoolRoutes schools;
    private final UserRoutes users;
    private final RecordingRoutes recordings;
    private final DirectUploadRoutes directUploads;
    private final HealthRoutes health;
    private final UploadLimits limits;
    private final ApiTokenRoutes apiTokens;
    private final OpenAiRoutes openAi;
    private final AnalysisRoutes analyses;
    private final AdminRoutes admin;
    private final RecordingEventRoutes recordingEvents;
    private final PrivacyRoutes privacy;
    private final ExportRoutes exports;
    private final AccessAudit audit;
    private final HttpLimits httpLimits;
    private final UploadSlots uploads;
    private final HttpMetrics httpMetrics;
    private final RequestLog requestLog;
    private final MetricsRoutes metricsRoutes;
    private final Settings settings;

    @Inject
    public ApiServer(Authenticator authenticator, AuthRoutes auth, SchoolRoutes schools, UserRoutes users,
                     RecordingRoutes recordings, DirectUploadRoutes directUploads, HealthRoutes health,
                     UploadLimits limits, ApiTokenRoutes apiTokens, OpenAiRoutes openAi, AnalysisRoutes analyses,
                     AdminRoutes admin, RecordingEventRoutes recordingEvents, PrivacyRoutes privacy,
                     AccessAudit audit, ExportRoutes exports, Settings settings, ProcessMetrics metrics) {
        this.httpMetrics = new HttpMetrics(metrics.registry());
        this.requestLog = new RequestLog(settings.integer(Setting.LOG_REQUEST_SAMPLE));
        this.metricsRoutes = new MetricsRoutes(metrics, new MetricsAccess(settings.optional(Setting.METRICS_TOKEN)));
        this.httpLimits = HttpLimits.from(settings);
        this.settings = settings;
        this.uploads = new UploadSlots(httpLimits);
        this.authenticator = authenticator;
        this.auth = auth;
        this.schools = schools;
        this.users = users;
        this.recordings = recordings;
        this.directUploads = directUploads;
        this.health = health;
        this.limits = limits;
        this.apiTokens = apiTokens;
        this.openAi = openAi;
        this.analyses = analyses;
        this.admin = admin;
        this.recordingEvents = recordingEvents;
        this.privacy = privacy;
        this.exports = exports;
        this.audit = audit;
    }

    /** Builds the server; {@code uploadSpool} is where multipart bodies are spooled (on disk, never in the heap). */
    public Javalin create(Path uploadSpool) {
        ObjectMapper mapper = JsonMapper.create();
        return Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.startup.showJavalinBanner = false;
            cfg.routes.before(ctx -> {
                httpMetrics.begin(ctx);
                requestLog.begin(ctx);
            });
            cfg.requestLogger.http((ctx, millis) -> {
                httpMetrics.end(ctx, millis);
                requestLog.end(ctx, millis);
            });
            JettyHardening.apply(cfg.jetty, httpLimits);
            Https.Keystore keystore = Https.chosen(settings);
            if (keystore != null) {
                Https.apply(cfg.jetty, keystore, settings.text(Setting.HOST), settings.integer(Setting.PORT));
            }
            cfg.jetty.multipartConfig.cacheDirectory(uploadSpool.toString());
            cfg.jetty.multipartConfig.maxInMemoryFileSize(64, SizeUnit.KB);
            cfg.jetty.multipartConfig.maxFileSize(limits.maxBytes(), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(limits.maxBytes() + 1024 * 1024, SizeUnit.BYTES);
            cfg.staticFiles.add(files -> {
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                // kept by the browser, and asked for again with the validator Javalin sends (ETag): an unchanged
                // file costs a 304 without a body, and a new release is never mixed with cached modules
                files.headers = Map.of("Cache-Control", "no-cache");
            });
            cfg.staticFiles.enableWebjars();
            cfg.routes.before("/api/*", ctx -> {
                if (!ctx.path().equals("/api/auth/login") && !ctx.path().equals("/api/auth/logout")) {
                    authenticator.authenticate(ctx);
                }
            });
            cfg.routes.before("/api/recordings", uploads::enter);
            cfg.routes.after("/api/recordings", uploads::leave);
            cfg.routes.after(ctx -> FailedMultipart.forget(ctx.req()));
            auth.register(cfg.routes);
            schools.register(cfg.routes);
            users.register(cfg.routes);
            directUploads.register(cfg.routes);
            recordingEvents.register(cfg.routes, cfg.events);
            recordings.register(cfg.routes);
            health.register(cfg.routes);
            apiTokens.register(cfg.routes);
            openAi.register(cfg.routes);
            analyses.register(cfg.routes);
            admin.register(cfg.routes);
            metricsRoutes.register(cfg.routes);
            privacy.register(cfg.routes);
            exports.register(cfg.routes);
            audit.register(cfg.routes);
            cfg.routes.exception(UploadSlots.Busy.class, (e, ctx) -> {
                ctx.header("Retry-After", Long.toString(httpLimits.retryAfterSeconds()));
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(e.body());
            });
            cfg.routes.exception(BadRequest.class,
                    (e, ctx) -> Respond.error(ctx, HttpStatus.BAD_REQUEST, "invalid_input", e.getMessage()));
            cfg.routes.exception(Authenticator.PasswordChangeRequired.class, Authenticator.PasswordChangeRequired::respond);
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> Respond.error(ctx,
                    HttpStatus.forStatus(e.getStatus()), codeOf(e.getStatus()), e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                FailedMultipart.forget(ctx.req());
                if (isOversizedMultipart(e)) {
                    Respond.error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large",
                            "the file is larger than the limit of " + limits.maxBytes() / (1024 * 1024) + " MB");
                    return;
                }
                Optional<ClientError> client = ClientError.of(e);
                if (client.isPresent()) {
                    ClientError c = client.get();
                    LOG.info("request {} {} refused with {}: {}", ctx.method(), ctx.path(), c.status().getCode(),
                            c.logDetail());
                    Respond.error(ctx, c.status(), c.code(), c.message());
                    return;
                }
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                Respond.error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                        "something went wrong on the server; it has been logged");
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    Respond.error(ctx, HttpStatus.NOT_FOUND, "not_found", "no such endpoint: " + ctx.path());
                }
            });
        });
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            default -> "http_" + status;
        };
    }

    /**
     * Jetty reports a multipart body over the configured limits as a 400 "bad multipart" caused by an
     * IllegalStateException "max file size exceeded" (one part) or "max length exceeded" (the whole body).
     */
    private static boolean isOversizedMultipart(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && (t.getMessage().startsWith("max file size exceeded")
                    || t.getMessage().startsWith("max length exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
