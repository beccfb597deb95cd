package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.classreflect.core.transcript.TranscriptionOptions;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/audio/transcriptions} spoken to as an OpenAI client would: a hand-built multipart body over
 * java.net.http, a personal API token as the bearer, OpenAI's answers and error shape back.
 */
class OpenAiTranscriptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final FakeTranscriber engine = new FakeTranscriber();
    private final HttpClient http = HttpClient.newHttpClient();
    private ClassReflectServer server;
    private ApiClient teacher;
    private String apiToken;
    private byte[] jfk;
    private String text;

    record Part(String name, String value) {
    }

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(dataDir, engine);
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Alpha")).json().get("id").asText();
        admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T", "role", "teacher",
                "schoolId", school, "password", "teacher-kettle-orbit-1"));
        teacher = admin.as("t@alpha.test", "teacher-kettle-orbit-1");
        apiToken = teacher.post("/api/me/api-tokens", Map.of("name", "sdk")).json().get("token").asText();
        jfk = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        text = "lesson audio of " + jfk.length + " bytes";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String bearer, byte[] file, Part... fields) throws Exception {
        String boundary = "----openai" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part p : fields) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\"\r\n\r\n"
                    + p.value() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"jfk.wav\""
                    + "\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/v1/audio/transcriptions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> transcribe(Part... fields) throws Exception {
        return post(apiToken, jfk, fields);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static Part model() {
        return new Part("model", "whisper-1");
    }

    @Test
    void jsonIsJustTheText() throws Exception {
        HttpResponse<String> r = transcribe(model());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(json(r)).isEqualTo(JSON.createObjectNode().put("text", text));
    }

    @Test
    void modelLanguageAndPromptReachTheEngineAndWhisper1MeansTheServersOwnModel() throws Exception {
        transcribe(new Part("model", "small.en"), new Part("language", "en"), new Part("prompt", "evaporation"));
        assertThat(engine.lastOptions()).isEqualTo(new TranscriptionOptions("small.en", "en", "evaporation"));

        transcribe(model());
        assertThat(engine.lastOptions()).isEqualTo(new TranscriptionOptions(null, null, null));
    }

    @Test
    void textSrtAndVttComeAsPlainFiles() throws Exception {
        HttpResponse<String> plain = transcribe(model(), new Part("response_format", "text"));
        assertThat(plain.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(plain.body()).isEqualTo(text + "\n");

        assertThat(transcribe(model(), new Part("response_format", "srt")).body())
                .isEqualTo("1\n00:00:00,000 --> 00:00:02,500\n" + text + "\n");
        assertThat(transcribe(model(), new Part("response_format", "vtt")).body())
                .isEqualTo("WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.500\n" + text + "\n");
    }

    @Test
    void verboseJsonHasOpenAisSegmentFieldsAndNoWordsUnlessAsked() throws Exception {
        JsonNode r = json(transcribe(model(), new Part("response_format", "verbose_json"),
                new Part("language", "en"), new Part("prompt", "A lesson about history.")));

        assertThat(r.get("task").asText()).isEqualTo("transcribe");
        assertThat(r.get("language").asText()).isEqualTo("english");
        assertThat(r.get("duration").asDouble()).isEqualTo(2.5);
        assertThat(r.get("text").asText()).isEqualTo(text);
        assertThat(r.has("words")).isFalse();
        JsonNode segment = r.get("segments").get(0);
        assertThat(r.get("segments")).hasSize(1);
        assertThat(segment.get("id").asInt()).isZero();
        assertThat(segment.get("seek").asInt()).isZero();
        assertThat(segment.get("start").asDouble()).isZero();
        assertThat(segment.get("end").asDouble()).isEqualTo(2.5);
        assertThat(segment.get("text").asText()).isEqualTo(text);
        assertThat(segment.get("tokens").isArray()).isTrue();
        assertThat(segment.get("temperature").asDouble()).isZero();
        assertThat(segment.get("avg_logprob").asDouble()).isCloseTo(Math.log(0.9), org.assertj.core.data.Offset
                .offset(1e-9));
        assertThat(segment.get("compression_ratio").asDouble()).isPositive();
        assertThat(segment.get("no_speech_prob").asDouble()).isZero();
    }

    @Test
    void wordGranularityAddsTheWordsWithTheirTimes() throws Exception {
        JsonNode words = json(transcribe(model(), new Part("response_format", "verbose_json"),
                new Part("timestamp_granularities[]", "word")));
        assertThat(words.has("segments")).isFalse();
        assertThat(words.get("words")).hasSize(5);
        assertThat(words.at("/words/1/word").asText()).isEqualTo("audio");
        assertThat(words.at("/words/1/start").asDouble()).isEqualTo(0.5);
        assertThat(words.at("/words/1/end").asDouble()).isEqualTo(0.9);

        JsonNode both = json(transcribe(model(), new Part("response_format", "verbose_json"),
                new Part("timestamp_granularities[]", "word"), new Part("timestamp_granularities[]", "segment")));
        assertThat(both.get("words")).hasSize(5);
        assertThat(both.get("segments")).hasSize(1);
    }

    @Test
    void mistakesAnswerInOpenAisErrorShape() throws Exception {
        HttpResponse<String> noFile = post(apiToken, null, model());
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(json(noFile).at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(json(noFile).at("/error/param").asText()).isEqualTo("file");
        assertThat(json(noFile).at("/error/message").asText()).contains("'file'");
        assertThat(json(noFile).get("error").has("code")).isTrue();

        HttpResponse<String> notAudio = post(apiToken, "Dear parents,\n".getBytes(StandardCharsets.UTF_8), model());
        assertThat(notAudio.statusCode()).isEqualTo(400);
        assertThat(json(notAudio).at("/error/code").asText()).isEqualTo("invalid_file_format");

        HttpResponse<String> badFormat = transcribe(model(), new Part("response_format", "docx"));
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(json(badFormat).at("/error/param").asText()).isEqualTo("response_format");

        HttpResponse<String> wordsWithoutVerbose = transcribe(model(), new Part("timestamp_granularities[]", "word"));
        assertThat(wordsWithoutVerbose.statusCode()).isEqualTo(400);
        assertThat(json(wordsWithoutVerbose).at("/error/param").asText()).isEqualTo("timestamp_granularities");
    }

    @Test
    void onlyAValidApiTokenGetsIn() throws Exception {
        for (String bearer : new String[] {null, "crk_forged-token-with-enough-characters-000000", "not-a-token"}) {
            HttpResponse<String> r = post(bearer, jfk, model());
            assertThat(r.statusCode()).as(String.valueOf(bearer)).isEqualTo(401);
            assertThat(json(r).at("/error/code").asText()).isEqualTo("invalid_api_key");
        }
        String signInJwt = teacher.getToken();
        assertThat(post(signInJwt, jfk, model()).statusCode()).isEqualTo(401);
        assertThat(engine.calls()).isZero();
    }

    @Test
    void transcribesInTheRequestAtMostOneAtATimeAndKeepsNothing() throws Exception {
        engine.blockUntilReleased();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return transcribe(model());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (engine.calls() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        HttpResponse<String> second = transcribe(model());
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(json(second).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(second.headers().firstValue("Retry-After")).isPresent();

        engine.release();
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(json(first.get()).get("text").asText()).isEqualTo(text);

        assertThat(teacher.get("/api/recordings").json().get("total").asLong()).isZero();
        assertThat(filesUnder(dataDir.resolve("tmp"))).isEmpty();
        assertThat(filesUnder(dataDir.resolve("audio"))).isEmpty();
    }

    @Test
    void anEngineThatIsNotReadyAnswers503() throws Exception {
        engine.ready(false);
        HttpResponse<String> r = transcribe(model());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(json(r).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(json(r).at("/error/message").asText()).contains("switched off");
    }

    private static List<Path> filesUnder(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
