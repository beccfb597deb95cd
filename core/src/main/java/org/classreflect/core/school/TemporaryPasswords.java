package org.classreflect.core.school;

import java.security.SecureRandom;

/** Random passwords handed to a person once (first super admin, reset, import); they must replace them. */
final class TemporaryPasswords {

    /** No 0/O, 1/l/I: the password is read off a screen and typed in. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    static String generate() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
