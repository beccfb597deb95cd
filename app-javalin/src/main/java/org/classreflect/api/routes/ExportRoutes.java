package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import org.classreflect.api.export.ExportProgress;
import org.classreflect.api.export.PersonalDataArchive;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.http.JsonMapper;
import org.classreflect.api.http.Respond;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.dataexport.ExportKind;
import org.classreflect.core.dataexport.ExportPersonalData;
import org.classreflect.core.dataexport.PersonalData;
import org.classreflect.core.school.Actor;

/**
 * Access requests answered as one streamed zip: a teacher's data or a school's. With {@code ?progress=TOKEN} (a
 * random token the client chose) the lessons written so far can be read from {@code /api/exports/progress/TOKEN}
 * while the download runs.
 */
public final class ExportRoutes {

    private final ExportPersonalData export;
    private final ExportProgress progress;
    private final PersonalDataArchive archive = new PersonalDataArchive(JsonMapper.create());
    private final Clock clock;

    @Inject
    public ExportRoutes(ExportPersonalData export, ExportProgress progress, Clock clock) {
        this.export = export;
        this.progress = progress;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/exports/teachers/{id}", ctx -> download(ctx, ExportKind.TEACHER));
        routes.get("/api/exports/schools/{id}", ctx -> download(ctx, ExportKind.SCHOOL));
        routes.get("/api/exports/progress/{token}", this::progress);
    }

    private void download(Context ctx, ExportKind kind) throws IOException {
        Actor actor = Authenticator.actor(ctx);
        String token = ctx.queryParam("progress");
        if (token != null && !token.matches("[A-Za-z0-9-]{8,64}")) {
            Respond.rejection(ctx, Rejection.invalid("progress must be 8 to 64 letters, digits or dashes"));
            return;
        }
        Result<PersonalData> result = export.execute(actor,
                new ExportPersonalData.Command(kind, ctx.pathParam("id"), ctx.ip()));
        if (result instanceof Result.Rejected<PersonalData> rejected) {
            Respond.rejection(ctx, rejected.rejection());
            return;
        }
        PersonalData data = result.orElseThrow();
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"classreflect-" + kind.wireName() + "-"
                + data.subjectId() + ".zip\"");
        ctx.header("Cache-Control", "private, no-store");
        archive.write(data, actor.userId(), clock.instant(), ctx.res().getOutputStream(),
                new PersonalDataArchive.Progress() {
                    @Override
                    public void lessons(long written, long total) {
                        progress.update(token, actor.userId(), written, total, false);
                    }

                    @Override
                    public void finished(long lessons) {
                        progress.update(token, actor.userId(), lessons, lessons, true);
                    }
                });
    }

    private void progress(Context ctx) {
        Actor actor = Authenticator.actor(ctx);
        progress.find(ctx.pathParam("token"), actor.userId()).ifPresentOrElse(ctx::json,
                () -> Respond.rejection(ctx, Rejection.notFound("export")));
    }
}
