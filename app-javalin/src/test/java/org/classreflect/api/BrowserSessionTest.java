package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web app's sign-in: an HttpOnly cookie, guarded against cross-site requests, and cleared at sign-out. */
class BrowserSessionTest {

    @TempDir
    static Path dataDir;

    static ClassReflectServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dataDir, new FakeTranscriber());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieThatSignsInLaterRequests() throws Exception {
        String cookie = signIn();

        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        assertThat(send(get("/api/me").header("Cookie", nameAndValue(cookie))).statusCode()).isEqualTo(200);
    }

    @Test
    void aCookieSignedChangeWithoutTheClientHeaderIsRefused() throws Exception {
        String session = nameAndValue(signIn());
        String body = "{\"name\":\"Forged School\"}";

        var forged = send(post("/api/schools", body).header("Cookie", session));
        var fromThePage = send(post("/api/schools", body).header("Cookie", session)
                .header("X-Requested-With", "ClassReflect"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("X-Requested-With");
        assertThat(fromThePage.statusCode()).isEqualTo(201);
    }

    @Test
    void signingOutClearsTheCookie() throws Exception {
        signIn();

        var out = send(post("/api/auth/logout", ""));

        assertThat(out.statusCode()).isEqualTo(204);
        List<String> cleared = out.headers().allValues("Set-Cookie");
        assertThat(cleared).singleElement().asString().startsWith("classreflect_session=;").contains("Expires=Thu, 01 Jan 1970");
    }

    @Test
    void aCookieThatIsNotAValidTokenIsUnauthenticated() throws Exception {
        var answer = send(get("/api/me").header("Cookie", "classreflect_session=forged"));

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    private static String signIn() throws Exception {
        String body = "{\"email\":\"" + TestServers.ADMIN_EMAIL + "\",\"password\":\"" + TestServers.ADMIN_PASSWORD
                + "\"}";
        var answer = send(post("/api/auth/login", body));
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.headers().firstValue("Set-Cookie").orElseThrow();
    }

    private static String nameAndValue(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
    }

    private static HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
