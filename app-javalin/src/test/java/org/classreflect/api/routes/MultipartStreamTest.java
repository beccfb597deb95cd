package org.classreflect.api.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pull reader over Jetty's multipart parser: parts whole and in order however the body arrives, or a failure. */
class MultipartStreamTest {

    private static final String BOUNDARY = "xYzBoundary";

    @Test
    void partsComeWholeAndInOrderWhateverSizeTheReadsOfTheBodyAre() throws Exception {
        byte[] audio = new byte[300_000];
        new Random(7).nextBytes(audio);
        // content that looks like the start of a boundary must stay content
        byte[] tricky = ("a\r\n--" + BOUNDARY.substring(0, 5) + " not the end\r\n--").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(tricky, 0, audio, 1000, tricky.length);
        byte[] body = body(List.of(part("file", "lesson.wav", audio), part("className", null, bytes("7C"))));

        for (int readSize : new int[] {1, 7, 4096, 1 << 20}) {
            MultipartStream stream = new MultipartStream(new Trickle(body, readSize), BOUNDARY, body.length, 10);
            List<String> seen = new ArrayList<>();
            MultipartStream.Part part;
            byte[] gotAudio = null;
            while ((part = stream.next()) != null) {
                byte[] content = part.content().readAllBytes();
                seen.add(part.name() + "/" + part.fileName());
                if ("file".equals(part.name())) {
                    gotAudio = content;
                } else {
                    assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("7C");
                }
            }
            assertThat(seen).as("reads of %d bytes", readSize).containsExactly("file/lesson.wav", "className/null");
            assertThat(Arrays.equals(gotAudio, audio)).as("reads of %d bytes", readSize).isTrue();
        }
    }

    @Test
    void aPartLeftUnreadIsSkippedAndTheNextOneIsWhole() throws Exception {
        byte[] body = body(List.of(part("ignored", "x.bin", new byte[200_000]), part("notes", null, bytes("hi"))));
        MultipartStream stream = new MultipartStream(new Trickle(body, 1000), BOUNDARY, body.length, 10);

        assertThat(stream.next().name()).isEqualTo("ignored");
        MultipartStream.Part notes = stream.next();

        assertThat(notes.name()).isEqualTo("notes");
        assertThat(new String(notes.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hi");
        assertThat(stream.next()).isNull();
    }

    @Test
    void aBodyThatEndsBeforeItsClosingBoundaryFails() throws Exception {
        byte[] whole = body(List.of(part("file", "a.wav", new byte[10_000])));
        byte[] cut = Arrays.copyOf(whole, whole.length - 100);
        MultipartStream stream = new MultipartStream(new ByteArrayInputStream(cut), BOUNDARY, whole.length, 10);

        InputStream content = stream.next().content();

        assertThatThrownBy(content::readAllBytes).isInstanceOfAny(EOFException.class, MultipartStream.Malformed.class);
    }

    @Test
    void aBodyPastItsLimitFailsOnceTheLimitIsReached() throws Exception {
        byte[] body = body(List.of(part("file", "a.wav", new byte[500_000])));
        MultipartStream stream = new MultipartStream(new ByteArrayInputStream(body), BOUNDARY, 100_000, 10);

        InputStream content = stream.next().content();

        assertThatThrownBy(content::readAllBytes).isInstanceOf(MultipartStream.TooLarge.class);
    }

    @Test
    void moreThanTheAllowedPartsIsMalformed() throws Exception {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            parts.add(part("f" + i, null, bytes("v")));
        }
        byte[] body = body(parts);
        MultipartStream stream = new MultipartStream(new ByteArrayInputStream(body), BOUNDARY, body.length, 3);

        assertThatThrownBy(() -> {
            while (stream.next() != null) {
                // read on until it fails
            }
        }).isInstanceOf(MultipartStream.Malformed.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] part(String name, String fileName, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n\r\n"));
        out.write(content);
        out.write(bytes("\r\n"));
        return out.toByteArray();
    }

    private static byte[] body(List<byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        out.write(bytes("--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }

    /** A body that arrives at most {@code readSize} bytes per read, as a slow network would hand it over. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;
        private final int readSize;

        Trickle(byte[] body, int readSize) {
            this.in = new ByteArrayInputStream(body);
            this.readSize = readSize;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, readSize));
        }
    }
}
