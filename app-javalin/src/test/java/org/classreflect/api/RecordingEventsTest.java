package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.api.ApiClient.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.classreflect.api.routes.RecordingEventRoutes;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/recordings/events over HTTP: live status for what the reader may see, and nothing else. */
class RecordingEventsTest {

    private static final String PASSWORD = "teacher-kettle-orbit-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final FakeTranscriber transcriber = new FakeTranscriber().blockUntilReleased();
    private ClassReflectServer server;
    private ApiClient teacher;
    private ApiClient colleague;
    private ApiClient manager;

    record Event(String name, JsonNode data) {
    }

    /** An open event stream, read line by line on its own thread. */
    private static final class Stream implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final Thread reader;
        final HttpResponse<java.util.stream.Stream<String>> response;

        Stream(int port, String token) throws Exception {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/recordings/events"))
                            .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofLines());
            reader = new Thread(() -> {
                String[] name = {null};
                response.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        name[0] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        try {
                            events.add(new Event(name[0], JSON.readTree(line.substring(5).trim())));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** The next event that satisfies the condition; the ones before it are skipped. */
        Event next(Predicate<Event> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                Event e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e != null && wanted.test(e)) {
                    return e;
                }
            }
            throw new AssertionError("no such event within 15 s");
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(dataDir, transcriber);
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Alpha Primary")).json().get("id").asText();
        teacher = user(admin, school, "t@alpha.test", "teacher");
        colleague = user(admin, school, "c@alpha.test", "teacher");
        manager = user(admin, school, "m@alpha.test", "school_manager");
    }

    @AfterEach
    void stop() {
        transcriber.release();
        server.close();
    }

    private static ApiClient user(ApiClient admin, String school, String email, String role) throws Exception {
        admin.post("/api/users", Map.of("email", email, "displayName", email, "role", role, "schoolId", school,
                "password", PASSWORD));
        return admin.as(email, PASSWORD);
    }

    private String upload(ApiClient as) throws Exception {
        ApiClient.Response r = as.upload("jfk.wav", Files.readAllBytes(TestServers.sharedAudio("jfk.wav")),
                fields("className", "5B"));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().get("id").asText();
    }

    private static Predicate<Event> about(String id, String status) {
        return e -> e.name().equals("recording") && e.data().get("id").asText().equals(id)
                && e.data().get("status").asText().equals(status);
    }

    @Test
    void theOwnerAndTheManagerSeeEachChangeOfStatusAsItHappensAndTheDeletion() throws Exception {
        try (Stream mine = new Stream(server.port(), teacher.token());
             Stream managers = new Stream(server.port(), manager.token())) {
            assertThat(mine.next(e -> true).name()).isEqualTo("ready");
            assertThat(managers.next(e -> true).name()).isEqualTo("ready");

            String id = upload(teacher);
            mine.next(about(id, "processing"));
            assertThat(teacher.get("/api/recordings/" + id).json().get("status").asText())
                    .as("the transcriber is held, so the stream told of processing before it ended")
                    .isEqualTo("processing");
            transcriber.release();
            Event done = mine.next(about(id, "completed"));
            assertThat(done.data().get("progressPercent").asInt()).isEqualTo(100);
            managers.next(about(id, "completed"));

            assertThat(teacher.delete("/api/recordings/" + id).status()).isEqualTo(204);
            Event deleted = mine.next(e -> e.name().equals("deleted"));
            assertThat(deleted.data().get("id").asText()).isEqualTo(id);
            managers.next(e -> e.name().equals("deleted") && e.data().get("id").asText().equals(id));
        }
    }

    @Test
    void aStreamEndsAtTheNextKeepAliveOnceItsUserIsDeactivated() throws Exception {
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String managerId = manager.get("/api/me").json().get("id").asText();
        admin.post("/api/users", Map.of("email", "m2@alpha.test", "displayName", "Second", "role",
                "school_manager", "schoolId", manager.get("/api/me").json().get("schoolId").asText(),
                "password", PASSWORD));
        try (Stream managers = new Stream(server.port(), manager.token())) {
            managers.next(e -> e.name().equals("ready"));

            assertThat(admin.patch("/api/users/" + managerId, Map.of("active", false)).status()).isEqualTo(200);

            managers.reader.join(RecordingEventRoutes.KEEP_ALIVE.multipliedBy(2).toMillis());
            assertThat(managers.reader.isAlive()).as("the server closed the stream").isFalse();
        }
    }

    @Test
    void aTeacherHearsNothingOfAColleaguesRecordings() throws Exception {
        transcriber.release();
        try (Stream colleagues = new Stream(server.port(), colleague.token())) {
            colleagues.next(e -> e.name().equals("ready"));
            String theirs = upload(teacher);
            teacher.await("/api/recordings/" + theirs, r -> r.get("status").asText().equals("completed"),
                    Duration.ofSeconds(15));
            String own = upload(colleague);

            Event first = colleagues.next(e -> e.name().equals("recording"));
            assertThat(first.data().get("id").asText()).as("the first event the colleague gets is about their own")
                    .isEqualTo(own);
        }
    }

    @Test
    void theStreamNeedsASignIn() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/recordings/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
    }
}
