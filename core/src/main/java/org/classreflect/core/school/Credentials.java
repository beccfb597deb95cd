package org.classreflect.core.school;

import java.util.Locale;
import java.util.regex.Pattern;

/** The rules every email and password must meet, in one place. */
final class Credentials {

    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 200;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Credentials() {
    }

    static String normaliseEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    static String emailProblem(String normalisedEmail) {
        if (normalisedEmail.length() > 254 || !EMAIL.matcher(normalisedEmail).matches()) {
            return "email must look like name@example.org";
        }
        return null;
    }

    static String passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return "password must have at least " + MIN_PASSWORD_LENGTH + " characters";
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return "password must have at most " + MAX_PASSWORD_LENGTH + " characters";
        }
        return null;
    }

    static final int MAX_NAME_LENGTH = 200;

    /** The trimmed display name, or null when it is empty or too long. */
    static String displayName(String name) {
        String trimmed = name == null ? "" : name.trim();
        return trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH ? null : trimmed;
    }

    static final String NAME_PROBLEM = "displayName must have 1 to " + MAX_NAME_LENGTH + " characters";
}
