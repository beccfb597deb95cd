package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multipart upload streams from the request into the store: the audio is in the store's directory before the
 * body has ended (and never in a spool file), fields after the file are read and judged, and an upload that is
 * refused late, broken off or too large leaves neither a file nor a row.
 */
class StreamedUploadTest {

    private static final String PASSWORD = "teacher-kettle-orbit-1";
    private static final String BOUNDARY = "----streamed-upload-test";

    @TempDir
    Path dataDir;

    private ClassReflectServer server;
    private ApiClient admin;
    private String teacherId;

    private void start(Settings settings) throws Exception {
        server = ClassReflectServer.start(settings.with(Setting.WORKER_THREADS, "0"), new FakeTranscriber(), false);
        admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Alpha")).json().get("id").asText();
        teacherId = admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T", "role", "teacher",
                "schoolId", school, "password", PASSWORD)).json().get("id").asText();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void fieldsThatFollowTheFileAreReadAndNameTheLessonsOwner() throws Exception {
        start(TestServers.settings(dataDir));
        byte[] body = form(List.of(file("lesson.wav", jfk()), field("teacherId", teacherId),
                field("className", "7C"), field("lessonName", "Water cycle")));

        RawHttp.Answer r = post(body);

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().get("teacherId").asText()).isEqualTo(teacherId);
        assertThat(r.json().get("className").asText()).isEqualTo("7C");
        assertThat(r.json().get("lessonName").asText()).isEqualTo("Water cycle");
        assertThat(r.json().get("sizeBytes").asLong()).isEqualTo(jfk().length);
        assertThat(r.json().get("sha256").asText()).as("every byte arrived, in order")
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jfk())));
        assertThat(filesUnder(dataDir.resolve("audio"))).isEqualTo(1);
    }

    @Test
    void aLateFieldThatIsRefusedRemovesTheAudioAlreadyStored() throws Exception {
        start(TestServers.settings(dataDir));
        byte[] body = form(List.of(file("lesson.wav", jfk()), field("teacherId", "no-such-teacher")));

        RawHttp.Answer r = post(body);

        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(admin.get("/api/recordings").json().get("total").asLong()).isZero();
        assertThat(filesUnder(dataDir.resolve("audio"))).isZero();
    }

    @Test
    void theAudioReachesTheStoreWhileTheBodyArrivesAndABrokenOffUploadLeavesNothing() throws Exception {
        start(TestServers.settings(dataDir).with(Setting.MAX_UPLOAD_MB, "20"));
        byte[] head = (multipartHead(field("teacherId", teacherId)) + partHead(file("lesson.wav", null)))
                .getBytes(StandardCharsets.UTF_8);
        long announced = head.length + 8L * 1024 * 1024;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(RawHttp.head("POST", "/api/recordings", "Authorization: Bearer " + admin.token()
                    + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n", announced)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(head);
            out.write(wavHeader(8 * 1024 * 1024 - 44));
            out.write(new byte[2 * 1024 * 1024]);
            out.flush();

            awaitFiles(dataDir.resolve("audio"), n -> n == 1);
            assertThat(filesUnder(dataDir.resolve("tmp"))).as("nothing is spooled outside the store").isZero();
        }

        awaitFiles(dataDir.resolve("audio"), n -> n == 0);
        assertThat(admin.get("/api/recordings").json().get("total").asLong()).isZero();
    }

    @Test
    void aBodyOverTheLimitWithoutALengthIsRefusedWhileItStreams() throws Exception {
        start(TestServers.settings(dataDir).with(Setting.MAX_UPLOAD_MB, "1"));
        byte[] audio = ByteBuffer.allocate(6 * 1024 * 1024).put(wavHeader(6 * 1024 * 1024 - 44)).array();
        byte[] body = form(List.of(field("teacherId", teacherId), file("lesson.wav", audio)));
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 64 * 1024) {
            int n = Math.min(64 * 1024, body.length - at);
            chunked.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(body, at, n);
            chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        RawHttp.Answer r = RawHttp.exchange(server.port(), RawHttp.head("POST", "/api/recordings",
                "Authorization: Bearer " + admin.token() + "\r\nContent-Type: multipart/form-data; boundary="
                        + BOUNDARY + "\r\nTransfer-Encoding: chunked\r\n", -1), chunked.toByteArray(), 30_000);

        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.json().get("error").asText()).isEqualTo("too_large");
        assertThat(r.json().get("message").asText()).contains("limit of 1 MB");
        assertThat(admin.get("/api/recordings").json().get("total").asLong()).isZero();
        assertThat(filesUnder(dataDir.resolve("audio"))).isZero();
    }

    private RawHttp.Answer post(byte[] body) throws Exception {
        return RawHttp.exchange(server.port(), RawHttp.head("POST", "/api/recordings", "Authorization: Bearer "
                + admin.token() + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n",
                body.length), body, 30_000);
    }

    private record Part(String name, String fileName, byte[] content) {
    }

    private static Part field(String name, String value) {
        return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Part file(String fileName, byte[] content) {
        return new Part("file", fileName, content);
    }

    private static String partHead(Part part) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                + (part.fileName() == null ? "" : "; filename=\"" + part.fileName()
                + "\"\r\nContent-Type: application/octet-stream") + "\r\n\r\n";
    }

    private static String multipartHead(Part field) {
        return partHead(field) + new String(field.content(), StandardCharsets.UTF_8) + "\r\n";
    }

    private static byte[] form(List<Part> parts) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.write(partHead(part).getBytes(StandardCharsets.UTF_8));
            body.write(part.content());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static byte[] jfk() throws Exception {
        return Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
    }

    /** A 16 kHz mono 16-bit PCM WAV header announcing {@code dataBytes} of samples. */
    private static byte[] wavHeader(int dataBytes) {
        return ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN).put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + dataBytes).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes).array();
    }

    private static void awaitFiles(Path root, java.util.function.LongPredicate wanted) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        long count;
        while (!wanted.test(count = filesUnder(root))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: " + count + " files under " + root);
            }
            Thread.sleep(50);
        }
    }

    private static long filesUnder(Path root) throws Exception {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
