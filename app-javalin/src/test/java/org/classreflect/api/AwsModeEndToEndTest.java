package org.classreflect.api;

import java.time.Duration;
import java.time.Instant;
import org.classreflect.core.scaling.ScalingDecision;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.testfixtures.servers.FakeEc2;
import org.classreflect.sdk.wiring.SettingsAdapters;
import org.classreflect.sdk.wiring.FleetMembership;
import org.classreflect.sdk.wiring.Fleets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.api.ApiClient.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.classreflect.testfixtures.servers.ElasticMqServer;
import org.classreflect.testfixtures.servers.FakeSecretsManager;
import org.classreflect.testfixtures.servers.MariaDbServer;
import org.classreflect.testfixtures.servers.S3ProxyServer;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The product in AWS mode, on loopback: S3 is S3Proxy, SQS is ElasticMQ (with a dead-letter queue), Secrets Manager
 * is a fake speaking its protocol, and Aurora is a MariaDB server. The API takes an upload into S3, the job travels
 * through SQS, the in-process worker transcribes it, and the transcript is read back over HTTP from MariaDB.
 */
class AwsModeEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DB_SECRET = "classreflect/prod/db";
    private static final String KEY_SECRET = "classreflect/prod/token-key";
    private static final String PASSWORD = "teacher-kettle-orbit-1";

    @TempDir
    Path dataDir;

    private final FakeSecretsManager secrets = FakeSecretsManager.start();
    private final FakeTranscriber transcriber = new FakeTranscriber();
    private String bucket;
    private String prefix;
    private ElasticMqServer.QueuePair queues;
    private ClassReflectServer server;
    private Settings settings;

    @BeforeEach
    void startInAwsMode() throws Exception {
        // The SDK's default credentials chain reads these; S3Proxy checks the signatures made with them.
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        bucket = S3ProxyServer.shared().createBucket("classreflect-e2e");
        prefix = "run-" + suffix + "/";
        queues = ElasticMqServer.shared().createQueueWithDeadLetterQueue("jobs-" + suffix, 4);
        MariaDbServer db = MariaDbServer.shared(Path.of("target"));
        db.createDatabase("aws_" + suffix);
        secrets.put(DB_SECRET, "{\"engine\":\"mysql\",\"host\":\"127.0.0.1\",\"port\":" + db.port()
                        + ",\"username\":\"" + MariaDbServer.USER + "\",\"password\":\"unchecked\",\"dbname\":\"aws_"
                        + suffix + "\"}")
                .put(KEY_SECRET, Base64.getEncoder().encodeToString(("a signing key of at least thirty-two bytes "
                        + suffix).getBytes()));

        Settings settings = TestServers.settings(dataDir)
                .with(Setting.MODE, "aws")
                .with(Setting.AWS_REGION, S3ProxyServer.REGION)
                .with(Setting.S3_ENDPOINT, S3ProxyServer.shared().endpoint().toString())
                .with(Setting.SQS_ENDPOINT, ElasticMqServer.shared().endpoint().toString())
                .with(Setting.SECRETS_ENDPOINT, secrets.endpoint().toString())
                .with(Setting.S3_BUCKET, bucket)
                .with(Setting.S3_PREFIX, prefix)
                .with(Setting.SQS_QUEUE_URL, queues.queueUrl())
                .with(Setting.SQS_DLQ_URL, queues.deadLetterQueueUrl())
                .with(Setting.DB_SECRET_ID, DB_SECRET)
                .with(Setting.TOKEN_KEY_SECRET_ID, KEY_SECRET);
        server = ClassReflectServer.start(settings, transcriber, false);
        this.settings = settings;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        secrets.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void anUploadGoesThroughS3AndSqsToATranscriptInTheDatabase() throws Exception {
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Alpha Primary")).json().get("id").asText();
        assertThat(admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T", "role", "teacher",
                "schoolId", school, "password", PASSWORD)).status()).isEqualTo(201);
        ApiClient teacher = admin.as("t@alpha.test", PASSWORD);
        byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));

        ApiClient.Response upload = teacher.upload("jfk.wav", audio, fields("className", "5B"));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        String id = upload.json().get("id").asText();

        JsonNode done = teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"),
                WAIT);
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        ApiClient.Response transcript = teacher.get("/api/recordings/" + id + "/transcript");
        assertThat(transcript.status()).isEqualTo(200);
        assertThat(transcript.json().get("text").asText())
                .isEqualTo(String.join(" ", FakeTranscriber.wordsFor(audio.length)));
        assertThat(transcriber.calls()).isEqualTo(1);

        try (S3Client s3 = s3()) {
            List<S3Object> stored = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents();
            assertThat(stored).extracting(S3Object::key).containsExactly(prefix + id);
            assertThat(stored.get(0).size()).isEqualTo(audio.length);
            assertThat(s3.headObject(b -> b.bucket(bucket).key(prefix + id)).serverSideEncryption())
                    .isEqualTo(ServerSideEncryption.AES256);
        }
        assertThat(messagesOnceSettled(queues.queueUrl())).as("the job was deleted once done").isZero();
        assertThat(messagesIn(queues.deadLetterQueueUrl())).isZero();
        assertThat(admin.get("/ready").status()).isEqualTo(200);
        assertThat(secrets.calls(DB_SECRET)).isEqualTo(1);

        theScalerThenStopsTheIdleFleet();
    }

    /** With the queue empty, an EC2 worker idle for longer than the grace period is stopped: idle costs nothing. */
    private void theScalerThenStopsTheIdleFleet() throws Exception {
        try (FakeEc2 ec2 = FakeEc2.start()) {
            String worker = ec2.addStoppedInstance(Map.of("classreflect:role", "worker"));
            Settings scaler = settings.with(Setting.FLEET, "ec2").with(Setting.EC2_ENDPOINT, ec2.endpoint().toString());
            WorkerFleet fleet = Fleets.fromSettings(scaler);
            assertThat(fleet.start(1)).containsExactly(worker);
            ec2.settle();
            fleet.reportActivity(worker, false, Instant.now().minus(Duration.ofHours(1)));

            ScalingDecision decision = SettingsAdapters.scaler(scaler, fleet).execute();

            assertThat(decision.action()).as(decision.reason()).isEqualTo(ScalingDecision.Action.STOP);
            assertThat(decision.stopIds()).containsExactly(worker);
            ec2.settle();
            assertThat(ec2.state(worker)).isEqualTo("stopped");
        }
    }

    @Test
    void aBrowserUploadsStraightToS3AndTheServerLooksAtTheFileBeforeQueueingIt() throws Exception {
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Alpha Primary")).json().get("id").asText();
        admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T", "role", "teacher",
                "schoolId", school, "password", PASSWORD));
        ApiClient teacher = admin.as("t@alpha.test", PASSWORD);
        byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));

        ApiClient.Response started = teacher.post("/api/recordings/direct", Map.of("fileName", "jfk.wav",
                "contentType", "audio/wav", "sizeBytes", audio.length, "className", "5B"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.json().at("/recording/id").asText();
        assertThat(started.json().at("/recording/status").asText()).isEqualTo("uploading");
        assertThat(teacher.post("/api/recordings/" + id + "/complete", Map.of()).status())
                .as("nothing has arrived yet").isEqualTo(400);

        assertThat(putTo(started.json().get("upload"), audio)).isEqualTo(200);
        assertThat(teacher.post("/api/recordings/" + id + "/complete", Map.of("templateId", "no-such-template"))
                .status()).as("an unknown template is refused before anything is queued").isEqualTo(404);
        assertThat(teacher.get("/api/recordings/" + id).json().get("status").asText()).isEqualTo("uploading");
        String templateId = teacher.get("/api/templates").json().get("items").get(0).get("id").asText();
        ApiClient.Response finished = teacher.post("/api/recordings/" + id + "/complete",
                Map.of("templateId", templateId));
        assertThat(finished.status()).as(finished.toString()).isEqualTo(202);
        assertThat(finished.json().get("durationSeconds").asDouble()).isEqualTo(11.0);
        assertThat(teacher.post("/api/recordings/" + id + "/complete", Map.of()).status())
                .as("finishing twice (a double click) changes nothing").isEqualTo(409);
        teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"), WAIT);
        assertThat(teacher.get("/api/recordings/" + id + "/transcript").status()).isEqualTo(200);
        assertThat(teacher.get("/api/recordings/" + id + "/analyses").json().get("items").get(0).get("templateId")
                .asText()).as("the template named at completion is analysed by the server").isEqualTo(templateId);
        assertThat(teacher.get("/api/recordings/upload-options").json().get("directUpload").asBoolean()).isTrue();
        var playback = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/recordings/" + id + "/audio"))
                .header("Authorization", "Bearer " + teacher.token()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(playback.statusCode()).as("playback goes to a signed S3 address").isEqualTo(302);
        var signed = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(playback.headers().firstValue("Location").orElseThrow())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(signed.body()).isEqualTo(audio);

        byte[] notAudio = "Dear parents, the school trip is on Friday.".getBytes();
        ApiClient.Response sneaky = teacher.post("/api/recordings/direct", Map.of("fileName", "trip.mp3",
                "contentType", "audio/mpeg", "sizeBytes", notAudio.length));
        String sneakyId = sneaky.json().at("/recording/id").asText();
        assertThat(putTo(sneaky.json().get("upload"), notAudio)).isEqualTo(200);
        ApiClient.Response refused = teacher.post("/api/recordings/" + sneakyId + "/complete", Map.of());
        assertThat(refused.status()).isEqualTo(415);
        assertThat(teacher.get("/api/recordings/" + sneakyId).status()).isEqualTo(404);
        try (S3Client s3 = s3()) {
            assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents())
                    .extracting(S3Object::key).containsExactly(prefix + id);
        }
    }

    /** What a browser does with the signed address: PUT the bytes with exactly the headers it was given. */
    private static int putTo(JsonNode upload, byte[] content) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(upload.get("url").asText()))
                .method(upload.get("method").asText(), java.net.http.HttpRequest.BodyPublishers.ofByteArray(content));
        upload.get("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) {
                request.header(h.getKey(), h.getValue().asText());
            }
        });
        return java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void tokensAreSignedWithTheKeyFromSecretsManager() throws Exception {
        ApiClient.Response login = new ApiClient(server.port()).post("/api/auth/login",
                Map.of("email", TestServers.ADMIN_EMAIL, "password", TestServers.ADMIN_PASSWORD));

        assertThat(login.status()).isEqualTo(200);
        assertThat(secrets.calls(KEY_SECRET)).isEqualTo(1);
        assertThat(Files.exists(dataDir.resolve("keys"))).as("no key generated on disk in aws mode").isFalse();
    }

    /**
     * The messages left once the worker has finished with the job: "completed" is set before the analyses run and the
     * message is deleted after them, and a first analysis may start FFmpeg (a PCM WAV upload no longer does).
     */
    private static long messagesOnceSettled(String queueUrl) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long left = messagesIn(queueUrl);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = messagesIn(queueUrl);
        }
        return left;
    }

    private static long messagesIn(String queueUrl) {
        return ElasticMqServer.shared().admin().getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings().values().stream().mapToLong(Long::parseLong).sum();
    }

    private static S3Client s3() {
        return S3Client.builder().endpointOverride(S3ProxyServer.shared().endpoint()).forcePathStyle(true)
                .region(Region.of(S3ProxyServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .build();
    }

    @Test
    void erasingASchoolRemovesItsAudioFromS3AndItsRowsFromMariaDb() throws Exception {
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Alpha Primary")).json().get("id").asText();
        String teacherId = admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "T",
                "role", "teacher", "schoolId", school, "password", PASSWORD)).json().get("id").asText();
        ApiClient teacher = admin.as("t@alpha.test", PASSWORD);
        byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        for (int i = 0; i < 3; i++) {
            String id = teacher.upload("jfk.wav", audio, fields()).json().get("id").asText();
            teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"), WAIT);
        }
        try (S3Client s3 = s3()) {
            assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents()).hasSize(3);
        }

        String erasure = admin.post("/api/erasures", Map.of("kind", "school", "subjectId", school)).json()
                .get("id").asText();
        JsonNode done = admin.await("/api/erasures/" + erasure, e -> e.get("status").asText().equals("completed"),
                WAIT);

        assertThat(done.get("receipt").get("recordings").asInt()).isEqualTo(3);
        assertThat(done.get("receipt").get("audioFiles").asInt()).isEqualTo(3);
        assertThat(done.get("receipt").get("users").asInt()).isEqualTo(1);
        try (S3Client s3 = s3()) {
            assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents()).isEmpty();
        }
        assertThat(admin.get("/api/schools/" + school).status()).isEqualTo(404);
        assertThat(admin.get("/api/users/" + teacherId).status()).isEqualTo(404);
        assertThat(admin.get("/api/recordings").json().get("total").asInt()).isZero();
        assertThat(admin.get("/api/access-log?action=erasure").json().get("items").get(0).get("schoolId").asText())
                .isEqualTo(school);
    }
}
