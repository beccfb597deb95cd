package org.classreflect.core.school;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.classreflect.core.common.Rejection;

/** The rules every email and password must meet, in one place. */
public final class Credentials {

    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 200;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Credentials() {
    }

    public static String normaliseEmail(String email) {
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

    /** The length rule, then the policy (common passwords, the person's own email and name). */
    static String passwordProblem(String password, PasswordPolicy policy, String email, String displayName) {
        String problem = passwordProblem(password);
        if (problem != null) {
            return problem;
        }
        return policy.problem(password, personalWords(email, displayName)).orElse(null);
    }

    /** The email, its local part and domain words, and the display name and its words. */
    static List<String> personalWords(String email, String displayName) {
        List<String> words = new ArrayList<>();
        for (String text : new String[] {email, displayName}) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String lower = text.strip().toLowerCase(Locale.ROOT);
            words.add(lower);
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 3) {
                    words.add(part);
                }
            }
            int at = lower.indexOf('@');
            if (at > 0) {
                words.add(lower.substring(0, at));
            }
        }
        return List.copyOf(new LinkedHashSet<>(words));
    }

    /** The one answer a school manager gets for any email already in use, whichever school it is in. */
    static final String EMAIL_UNUSABLE = "this email cannot be used for a new account; check it, or ask a super "
            + "admin";

    /**
     * The refusal for an email that is taken. A super admin sees every user, so they are told plainly; anyone else
     * gets the same answer whether the email belongs to someone in their own school or elsewhere, so they cannot
     * find out through the API which addresses exist in other schools (docs/security.md).
     */
    static Rejection emailTaken(Actor actor, String email) {
        if (actor.is(Role.SUPER_ADMIN)) {
            return Rejection.conflict("a user with email " + email + " already exists");
        }
        return Rejection.conflict(EMAIL_UNUSABLE);
    }

    static final int MAX_NAME_LENGTH = 200;

    /** The trimmed display name, or null when it is empty or too long. */
    static String displayName(String name) {
        String trimmed = name == null ? "" : name.trim();
        return trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH ? null : trimmed;
    }

    static final String NAME_PROBLEM = "displayName must have 1 to " + MAX_NAME_LENGTH + " characters";
}
