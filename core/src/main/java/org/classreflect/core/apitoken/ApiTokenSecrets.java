package org.classreflect.core.apitoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: 256 random bits behind a recognisable prefix, and the hash they are stored and looked up by.
 * <p>
 * A plain SHA-256 is enough here, unlike for passwords: a secret with 256 bits of entropy cannot be guessed from its
 * hash, so the work factor and salt of a password hash would protect nothing, while an unsalted digest lets the
 * token be found by an indexed lookup and costs microseconds on every request.
 */
public final class ApiTokenSecrets {

    /** Marks a bearer token as an API token rather than a sign-in JWT (and helps secret scanners find leaks). */
    public static final String PREFIX = "crk_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean looksLikeSecret(String bearer) {
        return bearer.startsWith(PREFIX);
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
