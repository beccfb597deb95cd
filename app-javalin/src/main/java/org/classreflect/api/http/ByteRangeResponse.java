package org.classreflect.api.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Sends a stored body as the request's {@code Range} header asks (see {@link ByteRangeHeader}): whole with 200, one
 * part with 206, or nothing with 416. Only the asked bytes are read, on the request's own thread, so a client that goes
 * away ends the copy with the failed write.
 */
public final class ByteRangeResponse {

    /** Opens the body from its first byte. */
    public interface Body {
        InputStream open() throws IOException;
    }

    private static final int BUFFER_BYTES = 64 * 1024;

    private ByteRangeResponse() {
    }

    public static void send(Context ctx, String contentType, long length, Body body) throws IOException {
        ctx.header("Accept-Ranges", "bytes");
        ByteRangeHeader.Answer answer = ByteRangeHeader.parse(ctx.header("Range"), length);
        if (answer instanceof ByteRangeHeader.Unsatisfiable unsatisfiable) {
            ctx.status(HttpStatus.RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", unsatisfiable.contentRange(length));
            return;
        }
        long first = 0;
        long count = length;
        if (answer instanceof ByteRangeHeader.Part part) {
            ctx.status(HttpStatus.PARTIAL_CONTENT).header("Content-Range", part.contentRange(length));
            first = part.first();
            count = part.length();
        }
        ctx.contentType(contentType).header("Content-Length", Long.toString(count));
        try (InputStream in = body.open()) {
            in.skipNBytes(first);
            // The servlet stream, not ctx.outputStream(): audio is not worth compressing and Content-Length is exact.
            copy(in, ctx.res().getOutputStream(), count);
        }
    }

    private static void copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long remaining = count;
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new EOFException("the stored body ended " + remaining + " bytes before its recorded length");
            }
            out.write(buffer, 0, read);
            remaining -= read;
        }
    }
}
