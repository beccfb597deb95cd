package org.classreflect.api.routes;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.MultiPart;
import org.classreflect.api.http.BadRequest;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.recording.HeldAudio;

/**
 * A multipart upload read as it arrives ({@link MultipartStream}, no spool file): the audio part named
 * {@code file} goes straight from the request into the store through the {@link AudioHolder} while it streams in;
 * the text fields and the transcript (a field or a file part) are kept in memory, each at most
 * {@link #MAX_FIELD_BYTES}. Fields may come before or after the audio. When the audio is refused the rest of the body
 * is read and dropped (bounded by the body limit) so the client gets its answer on an intact connection; when reading
 * fails after the audio is held, the audio is released.
 */
final class StreamedUploadForm {

    /** A text field or a transcript file; a 4-hour lesson's SRT is well under 1 MB. */
    static final int MAX_FIELD_BYTES = 4 * 1024 * 1024;
    private static final int MAX_PARTS = 64;

    /** Where the audio part streams to. */
    interface AudioHolder {
        Result<HeldAudio> hold(String fileName, InputStream content) throws IOException;

        void release(HeldAudio audio) throws IOException;
    }

    private final Map<String, String> fields = new HashMap<>();
    private String transcript;
    private String transcriptFileName;
    private HeldAudio audio;
    private Rejection refused;
    private boolean tooLarge;

    private StreamedUploadForm() {
    }

    /**
     * Reads the whole form. The result is either refused (the audio was refused, or the body is over
     * {@code maxBodyBytes}: nothing held) or holds what the form carried; the caller owns any held audio from then on.
     */
    static StreamedUploadForm read(HttpServletRequest request, long maxBodyBytes, AudioHolder holder)
            throws IOException {
        String boundary = MultiPart.extractBoundary(request.getContentType());
        if (boundary == null) {
            throw new BadRequest("the multipart body has no boundary in its Content-Type");
        }
        MultipartStream parts = new MultipartStream(request.getInputStream(), boundary, maxBodyBytes, MAX_PARTS);
        StreamedUploadForm form = new StreamedUploadForm();
        try {
            MultipartStream.Part part;
            while (form.refused == null && (part = parts.next()) != null) {
                form.take(part, holder);
            }
            if (form.refused != null) {
                drain(parts);
            }
        } catch (MultipartStream.TooLarge e) {
            form.releaseAudio(holder, e);
            form.tooLarge = true;
        } catch (MultipartStream.Malformed e) {
            form.releaseAudio(holder, e);
            throw new BadRequest(e.getMessage());
        } catch (IOException | RuntimeException e) {
            form.releaseAudio(holder, e);
            throw e;
        }
        return form;
    }

    /** Why the audio was refused, or null. */
    Rejection refused() {
        return refused;
    }

    /** The body went past its limit (told while streaming, when no Content-Length announced it). */
    boolean tooLarge() {
        return tooLarge;
    }

    HeldAudio audio() {
        return audio;
    }

    /** The first value of a text field, or null. */
    String field(String name) {
        return fields.get(name);
    }

    /** The transcript's text (from a file part or a field), or null. */
    String transcript() {
        return transcript;
    }

    /** The transcript file's name; null when it came as a field. */
    String transcriptFileName() {
        return transcriptFileName;
    }

    private void take(MultipartStream.Part part, AudioHolder holder) throws IOException {
        String name = part.name();
        boolean isFile = part.fileName() != null;
        if (isFile && "file".equals(name)) {
            if (audio != null) {
                throw new BadRequest("the form has more than one part named 'file'");
            }
            Result<HeldAudio> held = holder.hold(part.fileName(), part.content());
            if (held instanceof Result.Rejected<HeldAudio> rejected) {
                refused = rejected.rejection();
            } else {
                audio = held.orElseThrow();
            }
        } else if ("transcript".equals(name) && (isFile || transcriptFileName == null)) {
            transcript = text(part);
            transcriptFileName = isFile ? part.fileName() : null;
        } else if (!isFile && name != null) {
            String value = text(part);
            fields.putIfAbsent(name, value);
        }
    }

    private static String text(MultipartStream.Part part) throws IOException {
        byte[] bytes = part.content().readNBytes(MAX_FIELD_BYTES + 1);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw new BadRequest("the part '" + part.name() + "' is longer than " + MAX_FIELD_BYTES / (1024 * 1024)
                    + " MB");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads what is left of a refused form, so the answer reaches the client; stops at the body limit. */
    private static void drain(MultipartStream parts) {
        try {
            while (parts.next() != null) {
                // dropped
            }
        } catch (IOException e) {
            // the body was broken or too large: the refusal already decided stands
        }
    }

    private void releaseAudio(AudioHolder holder, Exception cause) {
        if (audio == null) {
            return;
        }
        try {
            holder.release(audio);
        } catch (IOException cleanup) {
            cause.addSuppressed(cleanup);
        }
        audio = null;
    }
}
