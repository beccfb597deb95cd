package org.classreflect.core.inmemory;

/** A write an in-memory store refuses, as the database refuses one that breaks a key, a reference or a NOT NULL. */
public final class ConstraintViolationException extends RuntimeException {

    ConstraintViolationException(String message) {
        super(message);
    }

    static void require(boolean holds, String brokenRule) {
        if (!holds) {
            throw new ConstraintViolationException(brokenRule);
        }
    }
}
