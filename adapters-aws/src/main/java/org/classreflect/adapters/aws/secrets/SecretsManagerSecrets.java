package org.classreflect.adapters.aws.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * The secrets ClassReflect reads from AWS Secrets Manager: the database credentials and the key that signs access
 * tokens. Each secret is fetched once and kept for {@code refresh}; a read after that fetches it again, so a rotated
 * secret reaches new readers (a connection pool or token service built earlier keeps what it was given).
 */
public final class SecretsManagerSecrets {

    /** Signing keys shorter than this are refused: HS256 wants at least 256 bits. */
    public static final int MIN_KEY_BYTES = 32;

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Cached(String value, Instant fetchedAt) {
    }

    private final SecretsManagerClient client;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SecretsManagerSecrets(SecretsManagerClient client, Duration refresh, Clock clock) {
        this.client = client;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** The database secret: JSON with host, port, username, password, dbname and engine. */
    public DatabaseSecret database(String secretId) {
        JsonNode json = parse(secretId, text(secretId));
        return new DatabaseSecret(json.path("engine").asText("mysql"), required(json, "host", secretId),
                json.path("port").asInt(3306), required(json, "username", secretId),
                required(json, "password", secretId), required(json, "dbname", secretId));
    }

    /**
     * The token signing key: the secret string is the key in base64, or JSON {@code {"key":"<base64>"}}; at least
     * 32 bytes once decoded.
     */
    public byte[] tokenSigningKey(String secretId) {
        String value = text(secretId).trim();
        String base64 = value.startsWith("{") ? required(parse(secretId, value), "key", secretId) : value;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("secret " + secretId + " does not hold a base64 key");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("the key in secret " + secretId + " has " + key.length
                    + " bytes; it needs at least " + MIN_KEY_BYTES);
        }
        return key;
    }

    private String text(String secretId) {
        Instant now = clock.instant();
        Cached cached = cache.get(secretId);
        if (cached != null && now.isBefore(cached.fetchedAt().plus(refresh))) {
            return cached.value();
        }
        GetSecretValueResponse response = client.getSecretValue(b -> b.secretId(secretId));
        String value = response.secretString() != null ? response.secretString()
                : Base64.getEncoder().encodeToString(response.secretBinary().asByteArray());
        cache.put(secretId, new Cached(value, now));
        return value;
    }

    private static JsonNode parse(String secretId, String value) {
        try {
            JsonNode json = JSON.readTree(value);
            if (json == null || !json.isObject()) {
                throw new IllegalStateException("secret " + secretId + " is not a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            // The message of a parse error quotes the secret: never pass it on.
            throw new IllegalStateException("secret " + secretId + " is not JSON");
        }
    }

    private static String required(JsonNode json, String field, String secretId) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new IllegalStateException("secret " + secretId + " has no '" + field + "'");
        }
        return value.asText();
    }
}
