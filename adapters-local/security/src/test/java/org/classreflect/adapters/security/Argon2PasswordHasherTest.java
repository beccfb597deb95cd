package org.classreflect.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void hashesAreArgon2idAndSaltedSoTheSamePasswordHashesDifferently() {
        String first = hasher.hash("same password");
        String second = hasher.hash("same password");

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("same password");
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify("same password", second)).isTrue();
    }

    @Test
    void aMalformedOrForeignHashNeverVerifies() {
        assertThat(hasher.verify("pw", "not a hash")).isFalse();
        assertThat(hasher.verify("pw", "$argon2id$v=19$m=19456,t=2,p=1$broken")).isFalse();
        assertThat(hasher.verify("pw", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.verify("pw", null)).isFalse();
    }

    @Test
    void verifyingTakesLongEnoughToSlowGuessingButNotUsers() {
        String hash = hasher.hash("warm up");
        hasher.verify("warm up", hash);

        long start = System.nanoTime();
        hasher.verify("warm up", hash);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        System.out.println("argon2id verify took " + took.toMillis() + " ms");
        assertThat(took).isBetween(Duration.ofMillis(5), Duration.ofSeconds(2));
    }
}
