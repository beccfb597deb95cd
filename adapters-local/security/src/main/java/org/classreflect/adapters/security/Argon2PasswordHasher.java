package org.classreflect.adapters.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.classreflect.core.school.PasswordHasher;

/**
 * Argon2id with a random 16-byte salt per hash, stored in the PHC string format ({@code $argon2id$v=19$m=...}).
 * Verification reads the parameters from the stored hash, so hashes made with older settings keep working.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    /** 19 MiB, 2 passes, 1 lane: the OWASP baseline; about 50-100 ms per hash on a 2-core server. */
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    private static final int SALT_BYTES = 16;

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2ID).getResult();
    }

    @Override
    public boolean verify(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2id$")) {
            return false;
        }
        try {
            return Argon2Function.getInstanceFromHash(hash).check(password, hash);
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
