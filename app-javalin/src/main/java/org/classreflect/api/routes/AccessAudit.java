package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.classreflect.api.http.Authenticator;
import org.classreflect.core.accesslog.AccessAction;
import org.classreflect.core.accesslog.RecordAccess;
import org.classreflect.core.accesslog.TargetKind;
import org.classreflect.core.school.Actor;

/**
 * Which answered requests the access log records: every successful read of a lesson's data and every change of
 * settings, users or templates, named here by endpoint in one table. Sign-ins (and failed ones), exports, deletions of
 * a recording and erasures are recorded where they happen (they have no signed-in actor yet, or more to say).
 */
public final class AccessAudit {

    private record Rule(AccessAction action, TargetKind kind, String idParam) {
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("GET /api/recordings/{id}", new Rule(AccessAction.READ_RECORDING, TargetKind.RECORDING, "id")),
            Map.entry("GET /api/recordings/{id}/audio", new Rule(AccessAction.READ_AUDIO, TargetKind.RECORDING, "id")),
            Map.entry("GET /api/recordings/{id}/transcript",
                    new Rule(AccessAction.READ_TRANSCRIPT, TargetKind.RECORDING, "id")),
            Map.entry("GET /api/recordings/{id}/analyses",
                    new Rule(AccessAction.READ_ANALYSIS, TargetKind.RECORDING, "id")),
            Map.entry("GET /api/recordings/{id}/metrics",
                    new Rule(AccessAction.READ_METRICS, TargetKind.RECORDING, "id")),
            Map.entry("GET /api/teachers/{id}/progress", new Rule(AccessAction.READ_ANALYSIS, TargetKind.USER, "id")),
            Map.entry("PUT /api/schools/{id}/settings",
                    new Rule(AccessAction.CHANGE_SETTINGS, TargetKind.SCHOOL, "id")),
            Map.entry("PUT /api/schools/{id}/privacy",
                    new Rule(AccessAction.CHANGE_SETTINGS, TargetKind.SCHOOL, "id")),
            Map.entry("PATCH /api/schools/{id}", new Rule(AccessAction.CHANGE_SETTINGS, TargetKind.SCHOOL, "id")),
            Map.entry("PUT /api/admin/system", new Rule(AccessAction.CHANGE_SETTINGS, TargetKind.SYSTEM, null)),
            Map.entry("POST /api/users", new Rule(AccessAction.CHANGE_USER, TargetKind.USER, null)),
            Map.entry("POST /api/users/import", new Rule(AccessAction.CHANGE_USER, TargetKind.USER, null)),
            Map.entry("PATCH /api/users/{id}", new Rule(AccessAction.CHANGE_USER, TargetKind.USER, "id")),
            Map.entry("POST /api/users/{id}/temporary-password",
                    new Rule(AccessAction.CHANGE_USER, TargetKind.USER, "id")),
            Map.entry("POST /api/templates", new Rule(AccessAction.CHANGE_TEMPLATE, TargetKind.TEMPLATE, null)),
            Map.entry("PUT /api/templates/{id}", new Rule(AccessAction.CHANGE_TEMPLATE, TargetKind.TEMPLATE, "id")),
            Map.entry("DELETE /api/templates/{id}",
                    new Rule(AccessAction.CHANGE_TEMPLATE, TargetKind.TEMPLATE, "id")));

    private final RecordAccess recordAccess;

    @Inject
    public AccessAudit(RecordAccess recordAccess) {
        this.recordAccess = recordAccess;
    }

    public void register(RoutesConfig routes) {
        routes.after("/api/*", this::record);
    }

    private void record(Context ctx) {
        int status = ctx.statusCode();
        Optional<Actor> actor = Authenticator.signedIn(ctx);
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        if (status < 200 || status > 299 || actor.isEmpty() || endpoint == null) {
            return;
        }
        Rule rule = RULES.get(endpoint.method.name() + " " + endpoint.path);
        if (rule == null || endpoint.method == HandlerType.GET && isLaterPartOfAudio(ctx, rule)) {
            return;
        }
        String id = rule.idParam() == null ? null : ctx.pathParam(rule.idParam());
        boolean download = rule.action() == AccessAction.READ_TRANSCRIPT && ctx.queryParam("format") != null;
        AccessAction action = download ? AccessAction.EXPORT : rule.action();
        RecordAccess.Target target = id != null ? new RecordAccess.Target(rule.kind(), id)
                : new RecordAccess.Target(rule.kind(), null, actor.get().schoolId(), null);
        recordAccess.execute(actor.get(), new RecordAccess.Event(action, target, ctx.ip(),
                download ? "transcript as " + ctx.queryParam("format") : null));
    }

    /** A player fetches audio in many ranges: one listening is logged once, at its first byte. */
    private static boolean isLaterPartOfAudio(Context ctx, Rule rule) {
        String range = ctx.header("Range");
        return rule.action() == AccessAction.READ_AUDIO && range != null && !range.replace(" ", "")
                .startsWith("bytes=0-");
    }
}
