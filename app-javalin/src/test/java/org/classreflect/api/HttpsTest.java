package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode serving HTTPS: a generated self-signed certificate kept owner-only, or the operator's keystore. */
class HttpsTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path elsewhere;

    @Test
    void aGeneratedCertificateIsMadeOnceKeptOwnerOnlyAndServesHttpsOnlyAndAnOperatorsKeystoreIsUsedAsGiven()
            throws Exception {
        Settings settings = TestServers.settings(dataDir).with(Setting.HTTPS, "true");
        Path keystore = dataDir.resolve("keys").resolve("tls.p12");
        String password;
        try (ClassReflectServer server = ClassReflectServer.start(settings, new FakeTranscriber(), false)) {
            password = Files.readString(dataDir.resolve("keys").resolve("tls.password")).strip();
            assertThat(get(trusting(keystore, password), "https://127.0.0.1:" + server.port() + "/health"))
                    .isEqualTo(200);
            assertThatThrownBy(() -> get(HttpClient.newHttpClient(), "http://127.0.0.1:" + server.port()
                    + "/health")).as("no plain HTTP on the port").isInstanceOf(Exception.class);
            assertThatThrownBy(() -> get(HttpClient.newHttpClient(), "https://127.0.0.1:" + server.port()
                    + "/health")).as("a client that does not trust the certificate").isInstanceOf(Exception.class);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rw-------");
        byte[] first = Files.readAllBytes(keystore);
        try (ClassReflectServer again = ClassReflectServer.start(settings, new FakeTranscriber(), false)) {
            assertThat(Files.readAllBytes(keystore)).as("made once").isEqualTo(first);
        }

        Path operators = Files.copy(keystore, elsewhere.resolve("school.p12"));
        Settings given = TestServers.settings(elsewhere.resolve("data")).with(Setting.HTTPS, "true")
                .with(Setting.TLS_KEYSTORE, operators.toString()).with(Setting.TLS_KEYSTORE_PASSWORD, password);
        try (ClassReflectServer server = ClassReflectServer.start(given, new FakeTranscriber(), false)) {
            assertThat(get(trusting(operators, password), "https://127.0.0.1:" + server.port() + "/health"))
                    .isEqualTo(200);
            assertThat(elsewhere.resolve("data").resolve("keys").resolve("tls.p12")).doesNotExist();
        }
    }

    private static HttpClient trusting(Path keystore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("classreflect", store.getCertificate(store.aliases().nextElement()));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static int get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
