package org.classreflect.api.http;

import io.javalin.config.JettyConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS served by the process itself (local mode without a reverse proxy): the operator's PKCS12 keystore, or else a
 * self-signed certificate made once with the JDK's keytool and kept owner-only in {@code DATA_DIR/keys}. The
 * certificate's SHA-256 fingerprint is logged at every start, for users to compare with what their browser shows.
 */
public final class Https {

    private static final Logger LOG = LoggerFactory.getLogger(Https.class);

    /** A keystore and its password. */
    public record Keystore(Path file, String password) {
    }

    private Https() {
    }

    /** The keystore to serve HTTPS with, made first when needed; null when HTTPS is off. */
    public static Keystore chosen(Settings s) {
        if (!Boolean.parseBoolean(s.text(Setting.HTTPS).trim())) {
            return null;
        }
        Keystore keystore = s.optional(Setting.TLS_KEYSTORE)
                .map(f -> new Keystore(Path.of(f), s.text(Setting.TLS_KEYSTORE_PASSWORD)))
                .orElseGet(() -> generated(s.dataDir().resolve("keys")));
        LOG.info("HTTPS certificate SHA-256 fingerprint: {}", fingerprint(keystore));
        return keystore;
    }

    /** Replaces the plain HTTP connector by an HTTPS one on the same host and port. */
    public static void apply(JettyConfig jetty, Keystore keystore, String host, int port) {
        jetty.addConnector((server, http) -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(keystore.file().toString());
            ssl.setKeyStorePassword(keystore.password());
            ssl.setKeyStoreType("PKCS12");
            HttpConfiguration https = new HttpConfiguration(http);
            // clients may reach a local server by address; the certificate is checked by them, not by SNI here
            https.addCustomizer(new SecureRequestCustomizer(false));
            ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(https));
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        });
    }

    static String fingerprint(Keystore keystore) {
        try (InputStream in = Files.newInputStream(keystore.file())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, keystore.password().toCharArray());
            Certificate cert = store.getCertificate(store.aliases().nextElement());
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the HTTPS keystore " + keystore.file(), e);
        }
    }

    private static Keystore generated(Path keys) {
        Path file = keys.resolve("tls.p12");
        Path passwordFile = keys.resolve("tls.password");
        try {
            if (Files.exists(file) && Files.exists(passwordFile)) {
                return new Keystore(file, Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
            }
            Files.createDirectories(keys);
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Files.deleteIfExists(file);
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "classreflect", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-validity", "825", "-dname", "CN=ClassReflect local",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", password, "-keypass", password)).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make a certificate: " + output);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
            LOG.info("made a self-signed HTTPS certificate in {}", file);
            return new Keystore(file, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the HTTPS certificate in " + keys, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the HTTPS certificate", e);
        }
    }
}
