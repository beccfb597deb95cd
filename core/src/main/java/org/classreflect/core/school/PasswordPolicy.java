package org.classreflect.core.school;

import java.util.List;
import java.util.Optional;

/**
 * Port: whether a password is too easy to guess for this person: a common password, a keyboard walk, a repetition,
 * or built from their own name or email. The core checks the length itself ({@link Credentials}) before asking.
 */
public interface PasswordPolicy {

    /** Accepts every password of an acceptable length: for tests and embedders who sign nobody in by password. */
    PasswordPolicy LENGTH_ONLY = (password, personalWords) -> Optional.empty();

    /**
     * Why the password is refused, in a sentence a person can act on, or empty when it is strong enough.
     * {@code personalWords} are the person's own words (email, its parts, their name) that must not carry it.
     */
    Optional<String> problem(String password, List<String> personalWords);
}
