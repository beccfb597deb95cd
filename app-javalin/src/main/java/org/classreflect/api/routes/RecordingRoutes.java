package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.classreflect.core.accesslog.AccessAction;
import org.classreflect.core.accesslog.RecordAccess;
import org.classreflect.core.accesslog.TargetKind;
import org.classreflect.api.views.UploadOptionsView;
import org.classreflect.core.common.Page;
import org.classreflect.core.recording.GetRecordingAudio;
import org.classreflect.core.recording.HeldAudio;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.school.Role;
import org.classreflect.core.recording.StartDirectUpload;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.http.BadRequest;
import org.classreflect.api.http.ByteRangeResponse;
import org.classreflect.api.http.Params;
import org.classreflect.api.http.Respond;
import org.classreflect.api.views.PageView;
import org.classreflect.api.views.RecordingView;
import org.classreflect.api.views.TranscriptFile;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.common.Result;
import org.classreflect.core.deletion.DeleteRecording;
import org.classreflect.core.recording.GetRecording;
import org.classreflect.core.recording.ListedRecording;
import org.classreflect.core.recording.ListRecordings;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.RetryRecording;
import org.classreflect.core.recording.UploadLimits;
import org.classreflect.core.recording.UploadRecording;
import org.classreflect.core.school.Actor;
import org.classreflect.core.transcript.GetTranscript;
import org.classreflect.core.transcript.ImportTranscript;
import org.classreflect.core.transcript.format.TimedText;
import org.classreflect.core.transcript.format.TranscriptText;
import org.classreflect.core.transcript.export.TranscriptFormat;

public final class RecordingRoutes {

    /** Room for the multipart envelope and metadata fields around the file itself. */
    static final long MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

    private final UploadRecording upload;
    private final ImportTranscript importTranscript;
    private final ListRecordings list;
    private final GetRecording get;
    private final GetTranscript transcript;
    private final RetryRecording retry;
    private final DeleteRecording delete;
    private final UploadLimits limits;
    private final GetRecordingAudio audio;
    private final StartDirectUpload directUploads;
    private final RecordAccess recordAccess;

    @Inject
    public RecordingRoutes(UploadRecording upload, ImportTranscript importTranscript, ListRecordings list,
                           GetRecording get, GetTranscript transcript, RetryRecording retry, DeleteRecording delete,
                           UploadLimits limits, GetRecordingAudio audio,
                           StartDirectUpload directUploads, RecordAccess recordAccess) {
        this.upload = upload;
        this.importTranscript = importTranscript;
        this.list = list;
        this.get = get;
        this.transcript = transcript;
        this.retry = retry;
        this.delete = delete;
        this.limits = limits;
        this.audio = audio;
        this.directUploads = directUploads;
        this.recordAccess = recordAccess;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/recordings", this::upload);
        routes.get("/api/recordings", this::list);
        routes.get("/api/recordings/upload-options", this::uploadOptions);
        routes.get("/api/recordings/{id}", this::get);
        routes.get("/api/recordings/{id}/audio", this::audio);
        routes.get("/api/recordings/{id}/transcript", this::transcript);
        routes.post("/api/recordings/{id}/retry", this::retry);
        routes.delete("/api/recordings/{id}", this::delete);
    }

    /**
     * The multipart upload, streamed: the audio goes from the request into the store as it arrives (see
     * {@link StreamedUploadForm}), and the lesson is filed once the whole form, whose fields may follow the audio,
     * has been read.
     */
    private void upload(Context ctx) throws IOException {
        Actor actor = Authenticator.actor(ctx);
        long maxBody = limits.maxBytes() + MULTIPART_OVERHEAD_BYTES;
        long announced = ctx.req().getContentLengthLong();
        if (announced > maxBody) {
            tooLarge(ctx);
            return;
        }
        if (!ctx.isMultipartFormData()) {
            Respond.error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "send multipart/form-data with the audio in a part named 'file'");
            return;
        }
        // the body's length bounds the file's, so the store's free space is judged before a byte is written
        Long declaredSize = announced < 0 ? null : Math.min(announced, limits.maxBytes());
        StreamedUploadForm form = StreamedUploadForm.read(ctx.req(), maxBody, new StreamedUploadForm.AudioHolder() {
            @Override
            public Result<HeldAudio> hold(String fileName, InputStream content) throws IOException {
                return upload.hold(fileName, declaredSize, content);
            }

            @Override
            public void release(HeldAudio audio) throws IOException {
                upload.release(audio);
            }
        });
        if (form.tooLarge()) {
            tooLarge(ctx);
            return;
        }
        if (form.refused() != null) {
            Respond.rejection(ctx, form.refused());
            return;
        }
        HeldAudio audio = form.audio();
        if (audio == null && form.transcript() == null) {
            throw new BadRequest("the form has no part named 'file' (the audio) or 'transcript'");
        }
        RecordingMetadata metadata = new RecordingMetadata(form.field("className"), form.field("subject"),
                form.field("grade"), form.field("notes"), form.field("lessonName"));
        if (form.transcript() != null) {
            importTranscript(ctx, actor, metadata, form, audio);
            return;
        }
        var command = new UploadRecording.Held(form.field("teacherId"), metadata, audio, form.field("templateId"));
        Respond.with(ctx, upload.execute(actor, command), HttpStatus.ACCEPTED, RecordingView::of);
    }

    private void tooLarge(Context ctx) {
        Respond.error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large",
                "the file is larger than the limit of " + limits.maxBytes() / (1024 * 1024) + " MB");
    }

    /**
     * A transcript the client already has, with or without the audio: SRT and WebVTT go to the core as text, the
     * JSON export is read here into cues (the core has no JSON parser). The kind is told from the content.
     */
    private void importTranscript(Context ctx, Actor actor, RecordingMetadata metadata, StreamedUploadForm form,
                                  HeldAudio audio) throws IOException {
        String text = form.transcript();
        boolean json = TranscriptText.detect(text).filter(k -> k == TranscriptText.Kind.JSON).isPresent();
        List<TimedText> cues;
        try {
            cues = json ? TranscriptJson.cues(text) : null;
        } catch (RuntimeException e) {
            if (audio != null) {
                upload.release(audio);
            }
            throw e;
        }
        String fileName = form.transcriptFileName() != null ? form.transcriptFileName() : "transcript";
        var command = new ImportTranscript.Command(form.field("teacherId"), metadata, fileName, json ? null : text,
                cues, null, form.field("templateId"));
        Respond.with(ctx, importTranscript.execute(actor, command, audio), HttpStatus.ACCEPTED, RecordingView::of);
    }

    private void list(Context ctx) {
        Set<RecordingStatus> statuses = statuses(ctx.queryParam("status"));
        PageRequest page;
        try {
            page = new PageRequest(Params.integer(ctx, "offset", 0),
                    Params.integer(ctx, "limit", PageRequest.DEFAULT_LIMIT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        LocalDate from = day(ctx, "from");
        LocalDate to = day(ctx, "to");
        var search = new RecordingSearch(ctx.queryParam("q"), ctx.queryParam("subject"),
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Actor actor = Authenticator.actor(ctx);
        var filter = new ListRecordings.Filter(ctx.queryParam("teacherId"), statuses, search, page);
        Page<ListedRecording> found = list.execute(actor, filter);
        if (actor.is(Role.TEACHER)) {
            ctx.json(PageView.of(found, r -> RecordingView.of(r.recording())));
        } else {
            ctx.json(PageView.of(found, r -> RecordingView.of(r.recording(), r.teacherName())));
        }
    }

    /** One status, or several separated by commas (any of them matches); none means any status. */
    private static Set<RecordingStatus> statuses(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip)
                .map(name -> RecordingStatus.fromWireName(name).orElseThrow(() -> new BadRequest(
                        "status must be one or more (comma-separated) of uploading, queued, processing, transcribed,"
                                + " completed, failed")))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A day (yyyy-mm-dd, UTC) from the query; {@code to} days are included whole. */
    private static LocalDate day(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be a day written yyyy-mm-dd");
        }
    }

    /** What an upload page needs before it sends anything. */
    private void uploadOptions(Context ctx) {
        ctx.json(UploadOptionsView.of(limits, directUploads.available()));
    }

    /** Playback: the stored bytes with Range support (206, so players can seek), or a redirect to a signed GET. */
    private void audio(Context ctx) throws IOException {
        var result = audio.execute(Authenticator.actor(ctx), ctx.pathParam("id"));
        if (result instanceof Result.Rejected<GetRecordingAudio.Playback> rejected) {
            Respond.rejection(ctx, rejected.rejection());
            return;
        }
        ctx.header("Cache-Control", "private, no-store");
        GetRecordingAudio.Playback playback = result.orElseThrow();
        if (playback instanceof GetRecordingAudio.Removed removed) {
            Respond.error(ctx, HttpStatus.GONE, "audio_removed", "the audio of this lesson was deleted on "
                    + removed.at().truncatedTo(ChronoUnit.MINUTES)
                    + " by the school's retention rule; the transcript and analyses remain");
        } else if (playback instanceof GetRecordingAudio.Signed signed) {
            ctx.redirect(signed.url().toString(), HttpStatus.FOUND);
        } else if (playback instanceof GetRecordingAudio.Stored stored) {
            ByteRangeResponse.send(ctx, stored.contentType(), stored.sizeBytes(), stored.content()::open);
        }
    }

    private void get(Context ctx) {
        Actor actor = Authenticator.actor(ctx);
        Respond.with(ctx, get.execute(actor, ctx.pathParam("id")), HttpStatus.OK,
                r -> RecordingView.forViewer(r, actor));
    }

    /** The transcript as JSON (the API's own shape), or with {@code format} a file to download. */
    private void transcript(Context ctx) {
        Actor actor = Authenticator.actor(ctx);
        String id = ctx.pathParam("id");
        String formatName = ctx.queryParam("format");
        if (formatName == null) {
            Respond.with(ctx, transcript.execute(actor, id), HttpStatus.OK, t -> t);
            return;
        }
        TranscriptFormat format = TranscriptFormat.named(formatName).orElseThrow(
                () -> new BadRequest("format must be one of txt, json, srt, vtt, csv"));
        var file = get.execute(actor, id).flatMap(
                recording -> transcript.execute(actor, id).map(t -> TranscriptFile.of(recording, t, format)));
        if (file instanceof Result.Ok<TranscriptFile> ok) {
            ctx.contentType(ok.value().contentType())
                    .header("Content-Disposition", ok.value().contentDisposition())
                    .result(ok.value().content());
        } else {
            Respond.with(ctx, file, HttpStatus.OK, f -> f);
        }
    }

    private void retry(Context ctx) {
        Respond.with(ctx, retry.execute(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.ACCEPTED,
                RecordingView::of);
    }

    private void delete(Context ctx) {
        Actor actor = Authenticator.actor(ctx);
        var result = delete.execute(actor, ctx.pathParam("id"));
        if (result instanceof Result.Ok<Recording> ok) {
            // whose lesson it was is given, not looked up: the recording is gone by now
            Recording gone = ok.value();
            recordAccess.execute(actor, new RecordAccess.Event(AccessAction.DELETE_RECORDING,
                    new RecordAccess.Target(TargetKind.RECORDING, gone.id(), gone.schoolId(), gone.teacherId()),
                    ctx.ip(), null));
            ctx.status(HttpStatus.NO_CONTENT);
        } else {
            Respond.with(ctx, result, HttpStatus.NO_CONTENT, r -> r);
        }
    }
}
