package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.http.BadRequest;
import org.classreflect.api.http.Params;
import org.classreflect.api.http.Respond;
import org.classreflect.api.views.AccessEntryView;
import org.classreflect.api.views.ErasureView;
import org.classreflect.api.views.PageView;
import org.classreflect.core.accesslog.AccessAction;
import org.classreflect.core.accesslog.AccessLogQuery;
import org.classreflect.core.accesslog.ReadAccessLog;
import org.classreflect.core.accesslog.RecordAccess;
import org.classreflect.core.accesslog.TargetKind;
import org.classreflect.core.common.Page;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.common.Result;
import org.classreflect.core.erasure.ErasureKind;
import org.classreflect.core.erasure.ErasureRequest;
import org.classreflect.core.erasure.ListErasures;
import org.classreflect.core.erasure.RequestErasure;
import org.classreflect.core.school.Actor;
import org.classreflect.core.redaction.ManagePrivacySettings;
import org.classreflect.core.redaction.SchoolPrivacy;
import java.util.List;
import org.classreflect.sdk.WorkerRuntime;

/** The access log (list and CSV) and erasure requests with their receipts. */
public final class PrivacyRoutes {

    record ErasureBody(String kind, String subjectId) {
    }

    record PrivacyBody(Boolean redactStudentNames, List<String> classList, Integer transcriptRetentionDays) {
    }

    private static final String[] CSV_COLUMNS = {"at", "actor_id", "actor_name", "actor_role", "action",
        "target_kind", "target_id", "school_id", "teacher_id", "teacher_name", "from", "detail"};

    private final ReadAccessLog readAccessLog;
    private final RecordAccess recordAccess;
    private final RequestErasure requestErasure;
    private final ListErasures listErasures;
    private final WorkerRuntime workers;
    private final ManagePrivacySettings privacySettings;

    @Inject
    public PrivacyRoutes(ReadAccessLog readAccessLog, RecordAccess recordAccess, RequestErasure requestErasure,
                         ListErasures listErasures, WorkerRuntime workers, ManagePrivacySettings privacySettings) {
        this.privacySettings = privacySettings;
        this.readAccessLog = readAccessLog;
        this.recordAccess = recordAccess;
        this.requestErasure = requestErasure;
        this.listErasures = listErasures;
        this.workers = workers;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/access-log", this::accessLog);
        routes.get("/api/access-log.csv", this::accessLogCsv);
        routes.post("/api/erasures", this::requestErasure);
        routes.get("/api/erasures", this::erasures);
        routes.get("/api/erasures/{id}", this::erasure);
        routes.get("/api/schools/{id}/privacy", this::getPrivacy);
        routes.put("/api/schools/{id}/privacy", this::putPrivacy);
    }

    private void accessLog(Context ctx) {
        Actor actor = Authenticator.actor(ctx);
        ctx.json(PageView.of(readAccessLog.execute(actor, query(ctx, page(ctx))), AccessEntryView::of));
    }

    /** Every matching entry, read page by page and written as it is read. The export itself is logged first. */
    private void accessLogCsv(Context ctx) throws IOException {
        Actor actor = Authenticator.actor(ctx);
        AccessLogQuery query = query(ctx, new PageRequest(0, PageRequest.MAX_LIMIT));
        recordAccess.execute(actor, new RecordAccess.Event(AccessAction.EXPORT,
                new RecordAccess.Target(TargetKind.SYSTEM, null, actor.schoolId(), null), ctx.ip(),
                "access log as CSV"));
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"access-log.csv\"");
        ctx.header("Cache-Control", "private, no-store");
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS).build())) {
            for (int offset = 0; ; offset += PageRequest.MAX_LIMIT) {
                Page<ReadAccessLog.Line> page = readAccessLog.execute(actor,
                        query.withPage(new PageRequest(offset, PageRequest.MAX_LIMIT)));
                for (ReadAccessLog.Line line : page.items()) {
                    AccessEntryView v = AccessEntryView.of(line);
                    csv.printRecord(v.at(), v.actorId(), cell(v.actorName()), v.actorRole(), v.action(),
                            v.targetKind(), v.targetId(), v.schoolId(), v.teacherId(), cell(v.teacherName()),
                            v.from(), cell(v.detail()));
                }
                if (page.items().size() < PageRequest.MAX_LIMIT) {
                    break;
                }
            }
        }
    }

    /** Text a spreadsheet would run as a formula is written with a leading apostrophe. */
    private static String cell(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private void requestErasure(Context ctx) {
        ErasureBody body = Params.body(ctx, ErasureBody.class);
        ErasureKind kind = ErasureKind.fromWireName(body.kind() == null ? "" : body.kind())
                .orElseThrow(() -> new BadRequest("kind must be 'teacher' or 'school'"));
        Result<ErasureRequest> result = requestErasure.execute(Authenticator.actor(ctx),
                new RequestErasure.Command(kind, body.subjectId()));
        if (result instanceof Result.Ok<ErasureRequest> ok) {
            workers.eraseInBackground(ok.value().id());
        }
        Respond.with(ctx, result, HttpStatus.ACCEPTED, ErasureView::of);
    }

    private void erasures(Context ctx) {
        Respond.with(ctx, listErasures.execute(Authenticator.actor(ctx)), HttpStatus.OK,
                list -> list.stream().map(ErasureView::of).toList());
    }

    private void erasure(Context ctx) {
        Respond.with(ctx, listErasures.get(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK,
                ErasureView::of);
    }

    private void getPrivacy(Context ctx) {
        Respond.with(ctx, privacySettings.get(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK,
                p -> p);
    }

    private void putPrivacy(Context ctx) {
        PrivacyBody body = Params.body(ctx, PrivacyBody.class);
        var wanted = new SchoolPrivacy(ctx.pathParam("id"), Boolean.TRUE.equals(body.redactStudentNames()),
                body.classList() == null ? List.of() : body.classList().stream()
                        .map(n -> n == null ? "" : n.replace('\n', ' ').replace('\r', ' ')).toList(),
                body.transcriptRetentionDays());
        Respond.with(ctx, privacySettings.change(Authenticator.actor(ctx), wanted), HttpStatus.OK, p -> p);
    }

    private static PageRequest page(Context ctx) {
        try {
            return new PageRequest(Params.integer(ctx, "offset", 0),
                    Params.integer(ctx, "limit", PageRequest.DEFAULT_LIMIT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static AccessLogQuery query(Context ctx, PageRequest page) {
        String actionName = blankToNull(ctx.queryParam("action"));
        AccessAction action = actionName == null ? null : AccessAction.fromWireName(actionName)
                .orElseThrow(() -> new BadRequest("unknown action: " + actionName));
        LocalDate from = day(ctx, "from");
        LocalDate to = day(ctx, "to");
        return new AccessLogQuery(blankToNull(ctx.queryParam("schoolId")), blankToNull(ctx.queryParam("teacherId")),
                blankToNull(ctx.queryParam("actorId")), action,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), page);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate day(Context ctx, String name) {
        String value = blankToNull(ctx.queryParam(name));
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be a day written yyyy-mm-dd");
        }
    }
}
