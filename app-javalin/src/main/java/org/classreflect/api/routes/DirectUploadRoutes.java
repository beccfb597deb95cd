package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.io.IOException;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.http.Params;
import org.classreflect.api.http.Respond;
import org.classreflect.api.views.RecordingView;
import org.classreflect.core.recording.FinishDirectUpload;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.StartDirectUpload;
import org.classreflect.core.school.Actor;
import org.classreflect.core.storage.DirectUploads;

/** Uploads that go from the browser straight to S3: ask for a signed address, PUT the file there, then finish. */
public final class DirectUploadRoutes {

    record StartRequest(String fileName, String contentType, long sizeBytes, String teacherId, String className,
                        String subject, String grade, String notes, String lessonName) {
    }

    record StartResponse(RecordingView recording, DirectUploads.DirectUpload upload) {
    }

    /** The template to analyse with once the file is in; without one the school's default template applies. */
    record CompleteRequest(String templateId) {
    }

    private final StartDirectUpload start;
    private final FinishDirectUpload finish;

    @Inject
    public DirectUploadRoutes(StartDirectUpload start, FinishDirectUpload finish) {
        this.start = start;
        this.finish = finish;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/recordings/direct", this::start);
        routes.post("/api/recordings/{id}/complete", this::finish);
    }

    private void start(Context ctx) {
        StartRequest body = Params.body(ctx, StartRequest.class);
        var command = new StartDirectUpload.Command(body.teacherId(), new RecordingMetadata(body.className(),
                body.subject(), body.grade(), body.notes(), body.lessonName()), body.fileName(), body.contentType(), body.sizeBytes());
        Respond.with(ctx, start.execute(Authenticator.actor(ctx), command), HttpStatus.CREATED,
                s -> new StartResponse(RecordingView.of(s.recording()), s.upload()));
    }

    private void finish(Context ctx) throws IOException {
        Actor actor = Authenticator.actor(ctx);
        String id = ctx.pathParam("id");
        String templateId = ctx.body().isBlank() ? null : Params.body(ctx, CompleteRequest.class).templateId();
        var finished = finish.execute(actor, id, templateId);
        Respond.with(ctx, finished, HttpStatus.ACCEPTED, RecordingView::of);
    }
}
