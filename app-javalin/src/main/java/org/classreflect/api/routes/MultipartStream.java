package org.classreflect.api.routes;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * A multipart/form-data body read part by part while it arrives, on Jetty's own parser ({@link MultiPart.Parser}),
 * with each part's content an {@link InputStream} that reads from the request only as far as its reader pulls.
 * Jetty's parser pushes what it finds to a listener; this queues those events and feeds the parser one read of the
 * body at a time whenever the queue runs dry, so nothing is spooled and memory stays at one 64 KB read buffer per
 * upload.
 */
final class MultipartStream {

    /** One part: its form name, its file name (null for a text field) and its content. */
    record Part(String name, String fileName, InputStream content) {
    }

    /** The body went past its limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the multipart body is longer than " + limit + " bytes");
        }
    }

    /** The body is not well-formed multipart (Jetty's parser failed on it). */
    static final class Malformed extends IOException {
        Malformed(Throwable cause) {
            super("the multipart body is malformed: " + cause.getMessage(), cause);
        }
    }

    private static final int READ_BYTES = 64 * 1024;
    private static final Object PART_END = new Object();

    private record PartStart(String name, String fileName) {
    }

    private final InputStream body;
    private final long maxBytes;
    private final MultiPart.Parser parser;
    private final ArrayDeque<Object> events = new ArrayDeque<>();
    private final byte[] buffer = new byte[READ_BYTES];
    private long bytesRead;
    private boolean complete;
    private Throwable failure;
    private PartContent current;

    MultipartStream(InputStream body, String boundary, long maxBytes, int maxParts) {
        this.body = body;
        this.maxBytes = maxBytes;
        this.parser = new MultiPart.Parser(boundary, new Events());
        this.parser.setMaxParts(maxParts);
    }

    /** The next part, or null after the last; whatever the previous part's reader left unread is skipped. */
    Part next() throws IOException {
        if (current != null) {
            current.skipRest();
            current = null;
        }
        while (true) {
            Object event = events.poll();
            if (event == null) {
                if (complete) {
                    return null;
                }
                feed();
            } else if (event instanceof PartStart start) {
                current = new PartContent();
                return new Part(start.name(), start.fileName(), current);
            }
        }
    }

    /** Reads once from the body and lets the parser turn it into events. */
    private void feed() throws IOException {
        // one buffer for every read: the parser is fed only once the queue is empty, when no queued content still
        // points into it (and it cannot keep the chunk, which is not retainable)
        int n = body.read(buffer);
        if (n < 0) {
            parse(Content.Chunk.EOF);
            if (!complete) {
                throw new EOFException("the multipart body ended before its closing boundary");
            }
            return;
        }
        bytesRead += n;
        if (bytesRead > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, n), false));
    }

    private void parse(Content.Chunk chunk) throws Malformed {
        try {
            parser.parse(chunk);
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure != null) {
            throw new Malformed(failure);
        }
    }

    private final class Events extends MultiPart.AbstractPartsListener {
        @Override
        public void onPartHeaders() {
            events.add(new PartStart(getName(), getFileName()));
        }

        @Override
        public void onPartContent(Content.Chunk chunk) {
            if (chunk.hasRemaining()) {
                events.add(chunk.getByteBuffer().slice());
            }
        }

        @Override
        public void onPart(String name, String fileName, HttpFields headers) {
            events.add(PART_END);
        }

        @Override
        public void onComplete() {
            complete = true;
        }

        @Override
        public void onFailure(Throwable cause) {
            failure = cause;
        }
    }

    /** The current part's bytes, pulled from the queue, feeding the parser when the queue is empty. */
    private final class PartContent extends InputStream {
        private ByteBuffer chunk;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (chunk == null || !chunk.hasRemaining()) {
                if (ended) {
                    return -1;
                }
                Object event = events.peek();
                if (event == null) {
                    feed();
                } else if (event instanceof ByteBuffer bytes) {
                    events.poll();
                    chunk = bytes;
                } else {
                    if (event == PART_END) {
                        events.poll();
                    }
                    ended = true;
                }
            }
            int n = Math.min(length, chunk.remaining());
            chunk.get(into, offset, n);
            return n;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // dropped: nobody reads this part
            }
        }
    }
}
