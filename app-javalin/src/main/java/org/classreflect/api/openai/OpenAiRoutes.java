package org.classreflect.api.openai;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.classreflect.api.http.Authenticator;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.recording.UploadLimits;
import org.classreflect.core.transcript.TranscribeUpload;
import org.classreflect.core.transcript.TranscriptionOptions;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.export.TranscriptFormat;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;

/**
 * {@code POST /v1/audio/transcriptions}, speaking OpenAI's wire format so that OpenAI's SDKs and tools work against
 * ClassReflect with a personal API token. It transcribes in the request, at most {@code OPENAI_MAX_CONCURRENT} at a
 * time (more get 429 at once rather than queueing unseen), and keeps nothing: see {@link TranscribeUpload}.
 */
public final class OpenAiRoutes {

    private static final long MULTIPART_OVERHEAD_BYTES = 1024 * 1024;
    private static final Set<String> GRANULARITIES = Set.of("segment", "word");

    private final Authenticator authenticator;
    private final TranscribeUpload transcribe;
    private final UploadLimits limits;
    private final Semaphore running;

    @Inject
    public OpenAiRoutes(Authenticator authenticator, TranscribeUpload transcribe, UploadLimits limits,
                        Settings settings) {
        this.authenticator = authenticator;
        this.transcribe = transcribe;
        this.limits = limits;
        this.running = new Semaphore(settings.integer(Setting.OPENAI_MAX_CONCURRENT));
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/audio/transcriptions", ctx -> {
            try {
                transcribe(ctx);
            } catch (OpenAiError e) {
                ctx.status(e.status()).json(e.body());
            }
        });
    }

    private void transcribe(Context ctx) throws IOException {
        if (authenticator.apiTokenActor(ctx).isEmpty()) {
            discardBody(ctx);
            throw OpenAiError.badApiKey();
        }
        if (ctx.req().getContentLengthLong() > limits.maxBytes() + MULTIPART_OVERHEAD_BYTES) {
            throw tooLarge();
        }
        if (!ctx.isMultipartFormData()) {
            throw OpenAiError.invalidRequest(HttpStatus.BAD_REQUEST, null, null,
                    "Send multipart/form-data with the audio in a part named 'file'.");
        }
        UploadedFile file = uploadedFile(ctx);
        ResponseFormat format = ResponseFormat.named(valueOr(ctx.formParam("response_format"), "json"))
                .orElseThrow(() -> OpenAiError.invalidRequest(HttpStatus.BAD_REQUEST, "response_format", null,
                        "response_format must be one of json, text, srt, verbose_json, vtt."));
        List<String> granularities = granularities(ctx, format);
        String language = language(ctx.formParam("language"));
        TranscriberStatus engine = transcribe.engineStatus();
        if (!engine.ready()) {
            throw OpenAiError.server(HttpStatus.SERVICE_UNAVAILABLE, "engine_unavailable",
                    "Transcription is unavailable: " + engine.detail());
        }
        if (!running.tryAcquire()) {
            ctx.header("Retry-After", "5");
            throw OpenAiError.busy();
        }
        Result<Transcript> result;
        try (InputStream content = file.content()) {
            result = transcribe.execute(new TranscribeUpload.Command(file.size(), content,
                    new TranscriptionOptions(engineModel(ctx.formParam("model")), language, ctx.formParam("prompt"))));
        } catch (TranscriptionException e) {
            throw OpenAiError.server(HttpStatus.INTERNAL_SERVER_ERROR, "transcription_failed", e.getMessage());
        } finally {
            running.release();
        }
        if (result instanceof Result.Rejected<Transcript> rejected) {
            throw refusal(rejected.rejection());
        }
        answer(ctx, result.orElseThrow(), format, granularities, language);
    }

    /**
     * Reads and drops a body of announced size within the limit before refusing it: answering while the client is
     * still sending made Jetty close the connection under it, and the client saw no answer at all.
     */
    private void discardBody(Context ctx) throws IOException {
        long length = ctx.req().getContentLengthLong();
        if (length >= 0 && length <= limits.maxBytes() + MULTIPART_OVERHEAD_BYTES) {
            ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
        }
    }

    private static void answer(Context ctx, Transcript t, ResponseFormat format, List<String> granularities,
                               String language) {
        switch (format) {
            case JSON -> ctx.json(Map.of("text", t.text()));
            case TEXT -> ctx.contentType("text/plain; charset=utf-8").result(t.text() + "\n");
            case SRT -> ctx.contentType(TranscriptFormat.SRT.contentType()).result(TranscriptFormat.SRT.write(t));
            case VTT -> ctx.contentType(TranscriptFormat.VTT.contentType()).result(TranscriptFormat.VTT.write(t));
            case VERBOSE_JSON -> ctx.json(VerboseTranscription.of(t, language,
                    granularities.isEmpty() || granularities.contains("segment"), granularities.contains("word")));
        }
    }

    private static UploadedFile uploadedFile(Context ctx) {
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (RuntimeException e) {
            throw OpenAiError.invalidRequest(HttpStatus.BAD_REQUEST, null, null,
                    "The multipart body could not be read: " + e.getMessage());
        }
        if (file == null) {
            throw OpenAiError.invalidRequest(HttpStatus.BAD_REQUEST, "file", null,
                    "The form has no part named 'file': send the audio as the 'file' part.");
        }
        return file;
    }

    /** OpenAI's SDKs send {@code timestamp_granularities[]}; plain form tools often leave out the brackets. */
    private static List<String> granularities(Context ctx, ResponseFormat format) {
        List<String> values = new ArrayList<>(ctx.formParams("timestamp_granularities[]"));
        values.addAll(ctx.formParams("timestamp_granularities"));
        for (String v : values) {
            if (!GRANULARITIES.contains(v)) {
                throw OpenAiError.invalidRequest(HttpStatus.BAD_REQUEST, "timestamp_granularities", null,
                        "timestamp_granularities may hold segment and word, not '" + v + "'.");
            }
        }
        if (!values.isEmpty() && format != ResponseFormat.VERBOSE_JSON) {
            throw OpenAiError.invalidRequest(HttpStatus.BAD_REQUEST, "timestamp_granularities", null,
                    "timestamp_granularities needs response_format=verbose_json.");
        }
        return values;
    }

    /** OpenAI clients name their hosted model ("whisper-1"); that means this server's own default model. */
    private static String engineModel(String requested) {
        return requested == null || requested.isBlank() || requested.equals("whisper-1") ? null : requested.trim();
    }

    private static String language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("[A-Za-z]{2,3}")) {
            throw OpenAiError.invalidRequest(HttpStatus.BAD_REQUEST, "language", null,
                    "language must be an ISO-639-1 code such as 'en'.");
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private OpenAiError refusal(Rejection rejection) {
        return switch (rejection.reason()) {
            case TOO_LARGE -> rejection.message().startsWith("the recording lasts")
                    ? OpenAiError.invalidRequest(HttpStatus.CONTENT_TOO_LARGE, "file", "audio_too_long",
                    capitalised(rejection.message()))
                    : tooLarge();
            case STORAGE_UNAVAILABLE -> OpenAiError.invalidRequest(HttpStatus.SERVICE_UNAVAILABLE, "file", null,
                    capitalised(rejection.message()));
            case UNSUPPORTED_MEDIA_TYPE -> OpenAiError.invalidRequest(HttpStatus.BAD_REQUEST, "file",
                    "invalid_file_format", rejection.message());
            default -> OpenAiError.invalidRequest(HttpStatus.BAD_REQUEST, "file", null, rejection.message());
        };
    }

    private OpenAiError tooLarge() {
        return OpenAiError.invalidRequest(HttpStatus.CONTENT_TOO_LARGE, "file", "file_too_large",
                "The file is larger than the limit of " + limits.maxBytes() / (1024 * 1024) + " MB.");
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static String valueOr(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
