package org.classreflect.adapters.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.classreflect.adapters.aws.TestAws;
import org.classreflect.testfixtures.fakes.MutableClock;
import org.classreflect.testfixtures.servers.FakeSecretsManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

class SecretsManagerSecretsTest {

    private static final String DB = "classreflect/db";
    private static final String KEY = "classreflect/token-key";
    private static final byte[] KEY_BYTES = "0123456789abcdef0123456789abcdef-and-more".getBytes();

    private final FakeSecretsManager fake = FakeSecretsManager.start();
    private final SecretsManagerClient client = TestAws.secretsManager(fake.endpoint());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
    private final SecretsManagerSecrets secrets = new SecretsManagerSecrets(client, Duration.ofMinutes(5), clock);

    @AfterEach
    void close() {
        client.close();
        fake.close();
    }

    @Test
    void readsTheDatabaseSecretInTheShapeRdsKeepsIt() {
        fake.put(DB, "{\"engine\":\"mysql\",\"host\":\"aurora.cluster.local\",\"port\":3307,"
                + "\"username\":\"classreflect\",\"password\":\"s3cr3t\",\"dbname\":\"lessons\"}");

        DatabaseSecret db = secrets.database(DB);

        assertThat(db.jdbcUrl()).isEqualTo("jdbc:mysql://aurora.cluster.local:3307/lessons");
        assertThat(db.username()).isEqualTo("classreflect");
        assertThat(db.password()).isEqualTo("s3cr3t");
        assertThat(db.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void theDatabasePortDefaultsToMysqls() {
        fake.put(DB, "{\"host\":\"h\",\"username\":\"u\",\"password\":\"p\",\"dbname\":\"d\"}");

        assertThat(secrets.database(DB).jdbcUrl()).isEqualTo("jdbc:mysql://h:3306/d");
    }

    @Test
    void aSecretIsFetchedOncePerRefreshInterval() {
        fake.put(KEY, Base64.getEncoder().encodeToString(KEY_BYTES));

        secrets.tokenSigningKey(KEY);
        clock.advance(Duration.ofMinutes(4));
        secrets.tokenSigningKey(KEY);
        assertThat(fake.calls(KEY)).isEqualTo(1);

        byte[] rotated = "a rotated key of thirty-two bytes or more".getBytes();
        fake.put(KEY, Base64.getEncoder().encodeToString(rotated));
        clock.advance(Duration.ofMinutes(2));
        assertThat(secrets.tokenSigningKey(KEY)).isEqualTo(rotated);
        assertThat(fake.calls(KEY)).isEqualTo(2);
    }

    @Test
    void theSigningKeyMayBePlainBase64OrJson() {
        String base64 = Base64.getEncoder().encodeToString(KEY_BYTES);
        fake.put(KEY, base64).put("json-key", "{\"key\":\"" + base64 + "\"}");

        assertThat(secrets.tokenSigningKey(KEY)).isEqualTo(KEY_BYTES);
        assertThat(secrets.tokenSigningKey("json-key")).isEqualTo(KEY_BYTES);
    }

    @Test
    void weakOrMalformedSecretsAreRefusedWithoutQuotingThem() {
        fake.put("short", Base64.getEncoder().encodeToString(new byte[16]))
                .put("not-base64", "correct horse battery staple")
                .put("no-password", "{\"host\":\"h\",\"username\":\"u\",\"dbname\":\"d\"}")
                .put("not-json", "host=h password=hunter2");

        assertThatThrownBy(() -> secrets.tokenSigningKey("short")).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> secrets.tokenSigningKey("not-base64"))
                .hasMessageNotContaining("horse").hasMessageContaining("base64");
        assertThatThrownBy(() -> secrets.database("no-password")).hasMessageContaining("'password'");
        assertThatThrownBy(() -> secrets.database("not-json")).hasMessageNotContaining("hunter2");
    }

    @Test
    void aMissingSecretIsAnError() {
        assertThatThrownBy(() -> secrets.database("nowhere")).isInstanceOf(ResourceNotFoundException.class);
    }
}
