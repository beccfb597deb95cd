package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.api.ApiClient.fields;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.sdk.config.Setting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Malformed input answers 4xx JSON with one log line; security headers everywhere; no method override; no paths. */
class HttpHardeningTest {

    private static final int TIMEOUT_MS = 5000;

    /** An engine that fails the way FFmpeg does on a file it cannot read, naming a scratch file. */
    static final class FailingTranscriber implements Transcriber {
        @Override
        public TranscriberStatus status() {
            return TranscriberStatus.ready("failing", "failing-1");
        }

        @Override
        public Transcription transcribe(Path audio, TranscriptionProgress progress) throws TranscriptionException {
            throw new TranscriptionException("FFmpeg recognises no audio or video format in the file " + audio
                    + " (it begins with 52 49 46 46); DATA_DIR is /var/lib/classreflect/data");
        }
    }

    @TempDir
    static Path dataDir;

    static ClassReflectServer server;
    static int port;
    static ApiClient admin;
    static ApiClient manager;
    static ApiClient teacher;
    static String recordingId;
    static ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void start() throws Exception {
        server = ClassReflectServer.start(TestServers.settings(dataDir).with(Setting.WORKER_MAX_ATTEMPTS, "1"),
                new FailingTranscriber(), false);
        port = server.port();
        admin = new ApiClient(port).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Hardened Primary")).json().get("id").asText();
        admin.post("/api/users", Map.of("email", "t@hard.test", "displayName", "Tess Teacher", "role", "teacher",
                "schoolId", school, "password", "teacher-kettle-orbit-1"));
        admin.post("/api/users", Map.of("email", "m@hard.test", "displayName", "Max Manager", "role", "school_manager",
                "schoolId", school, "password", "manager-kettle-orbit-1"));
        teacher = admin.as("t@hard.test", "teacher-kettle-orbit-1");
        manager = admin.as("m@hard.test", "manager-kettle-orbit-1");
        byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        ApiClient.Response upload = teacher.upload("lesson.wav", audio, fields("className", "5B"));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        recordingId = upload.json().get("id").asText();
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        server.close();
    }

    @BeforeEach
    void clearLog() {
        log.list.clear();
    }

    private static String bearer(ApiClient c) {
        return "Authorization: Bearer " + c.token() + "\r\n";
    }

    private static RawHttp.Answer json(String method, String path, String auth, String body) throws Exception {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(port, RawHttp.head(method, path, auth + "Content-Type: application/json\r\n",
                b.length), b, TIMEOUT_MS);
    }

    private static void assertClientError(RawHttp.Answer a, int status) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        assertThat(a.header("Content-Type")).as(a.toString()).startsWith("application/json");
        assertThat(a.body()).as(a.toString()).contains("\"error\"").contains("\"message\"");
        assertNoStackTraceLogged();
    }

    private static void assertNoStackTraceLogged() {
        List<ILoggingEvent> events = List.copyOf(log.list);
        assertThat(events).as("log events with a stack trace").noneMatch(e -> e.getThrowableProxy() != null);
        assertThat(events).as("error log events").noneMatch(e -> e.getLevel() == Level.ERROR);
    }

    @Test
    void invalidJsonIs400WithoutAStackTrace() throws Exception {
        assertClientError(json("POST", "/api/auth/login", "", "{\"email\": "), 400);
        assertClientError(json("POST", "/api/schools", bearer(admin), "{not json"), 400);
    }

    @Test
    void unknownFieldsAndWrongTypesAre400() throws Exception {
        assertClientError(json("POST", "/api/schools", bearer(admin), "{\"name\":\"X\",\"bogus\":1}"), 400);
        assertClientError(json("POST", "/api/schools", bearer(admin), "{\"name\":[\"a\",\"b\"]}"), 400);
        assertClientError(json("POST", "/api/users", bearer(admin), "{\"email\":{\"a\":1}}"), 400);
    }

    @Test
    void brokenMultipartIs400() throws Exception {
        byte[] noBoundary = "--other\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\r\nabc"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertClientError(RawHttp.exchange(port, RawHttp.head("POST", "/api/recordings", bearer(teacher)
                + "Content-Type: multipart/form-data; boundary=XYZ\r\n", noBoundary.length), noBoundary, TIMEOUT_MS),
                400);
        byte[] truncated = ("--XYZ\r\nContent-Disposition: form-data; name=\"className\"\r\n\r\n5B\r\n--XYZ\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\nRIFF....").getBytes(StandardCharsets.ISO_8859_1);
        assertClientError(RawHttp.exchange(port, RawHttp.head("POST", "/api/recordings", bearer(teacher)
                + "Content-Type: multipart/form-data; boundary=XYZ\r\n", truncated.length), truncated, TIMEOUT_MS),
                400);
        byte[] noBoundaryParam = "x".getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Answer a = RawHttp.exchange(port, RawHttp.head("POST", "/api/recordings", bearer(teacher)
                + "Content-Type: multipart/form-data\r\n", 1), noBoundaryParam, TIMEOUT_MS);
        assertThat(a.status()).as(a.toString()).isBetween(400, 499);
        assertNoStackTraceLogged();
    }

    @Test
    void anUploadThatIsNotMultipartIs415() throws Exception {
        assertClientError(RawHttp.exchange(port, RawHttp.head("POST", "/api/recordings", bearer(teacher)
                + "Content-Type: text/plain\r\n", 5), "hello".getBytes(StandardCharsets.UTF_8), TIMEOUT_MS), 415);
    }

    @Test
    void aTooLargeJsonBodyIs413() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        RawHttp.Answer a = json("POST", "/api/schools", bearer(admin), big);
        assertClientError(a, 413);
    }

    @Test
    void badQueryParametersAre400() throws Exception {
        for (String q : List.of("limit=abc", "offset=-5", "from=yesterday", "status=nonsense",
                "limit=99999999999", "from=2024-13-45", "offset=1e3", "to=2024-02-30T00:00")) {
            assertClientError(RawHttp.exchange(port, RawHttp.head("GET", "/api/recordings?" + q, bearer(admin), -1),
                    new byte[0], TIMEOUT_MS), 400);
        }
    }

    @Test
    void badRangesNeverGive500() throws Exception {
        for (String range : List.of("bytes=abc", "bytes=999999999-1", "bytes=5-2", "items=0-1", "bytes=-",
                "bytes=1-2,3-4", "bytes=99999999999999999999-", "bytes=-99999999999999999999", "bytes=1-x", "bytes=")) {
            for (String path : List.of("/js/app.js", "/api/recordings/" + recordingId + "/audio")) {
                RawHttp.Answer a = RawHttp.exchange(port, RawHttp.head("GET", path, bearer(teacher) + "Range: " + range
                        + "\r\n", -1), new byte[0], TIMEOUT_MS);
                assertThat(a.status()).as(path + " " + range + " " + a.status()).isIn(200, 206, 416);
            }
        }
        assertNoStackTraceLogged();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoHstsOverPlainHttp() throws Exception {
        for (String path : List.of("/", "/index.html", "/css/app.css", "/js/app.js", "/api/auth/me", "/api/nope",
                "/health",
                "/webjars/chart.js/4.5.1/dist/chart.umd.min.js")) {
            RawHttp.Answer a = RawHttp.exchange(port, RawHttp.head("GET", path, "X-Forwarded-Proto: https\r\n", -1),
                    new byte[0], TIMEOUT_MS);
            assertThat(a.header("Content-Security-Policy")).as(path).contains("default-src 'self'")
                    .contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe");
            assertThat(a.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(a.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(a.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(a.header("Strict-Transport-Security")).as(path + ": forwarded headers are not trusted")
                    .isNull();
        }
    }

    @Test
    void theWebAppHasNoInlineScriptOrHandlers() throws Exception {
        RawHttp.Answer page = RawHttp.exchange(port, RawHttp.head("GET", "/", "", -1), new byte[0], TIMEOUT_MS);
        assertThat(page.body()).containsPattern("<script[^>]+src=")
                .doesNotContainPattern("<script(?![^>]*src=)[^>]*>")
                .doesNotContainPattern("\\son[a-z]+=")
                .doesNotContainPattern("\\sstyle=");
    }

    @Test
    void aMethodOverrideHeaderIsIgnored() throws Exception {
        for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            RawHttp.Answer a = RawHttp.exchange(port, RawHttp.head("GET", "/api/recordings/" + recordingId,
                    bearer(teacher) + header + ": DELETE\r\n", -1), new byte[0], TIMEOUT_MS);
            assertThat(a.status()).as(header + " " + a).isEqualTo(200);
        }
        assertThat(teacher.get("/api/recordings/" + recordingId).status()).isEqualTo(200);
    }

    @Test
    void aTeacherSeesTheCauseInPlainWordsAndNoPath() throws Exception {
        String path = "/api/recordings/" + recordingId;
        var failed = teacher.await(path, r -> "failed".equals(r.get("status").asText()), Duration.ofSeconds(20));
        String shown = failed.toString();
        assertThat(shown).doesNotContain("/tmp").doesNotContain(dataDir.toString()).doesNotContain("/var/lib")
                .doesNotContain("52 49 46 46").doesNotContain("FFmpeg");
        assertThat(failed.get("errorMessage").asText()).contains("could not be read");
        String listed = teacher.get("/api/recordings").json().toString();
        assertThat(listed).doesNotContain(dataDir.toString()).doesNotContain("/var/lib").doesNotContain("FFmpeg");

        var forManager = manager.get(path).json();
        assertThat(forManager.get("errorDetail").asText()).contains("FFmpeg").contains("52 49 46 46")
                .doesNotContain(dataDir.toString()).doesNotContain("/var/lib");
        assertThat(manager.get("/api/recordings").json().toString()).doesNotContain(dataDir.toString())
                .doesNotContain("/var/lib");
    }
}
