package org.classreflect.core.storage;

import java.util.regex.Pattern;

/** The rule for audio keys, which every {@link AudioStore} enforces: an id, never something that could be a path. */
public final class AudioKeys {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private AudioKeys() {
    }

    /** Whether the name could be an audio key: a store that lists its content leaves anything else alone. */
    public static boolean isValid(String key) {
        return key != null && KEY.matcher(key).matches() && !key.contains("..");
    }

    /** The key itself when it is valid; otherwise an {@link IllegalArgumentException} saying what a key is. */
    public static String requireValid(String key) {
        if (!isValid(key)) {
            throw new IllegalArgumentException("an audio key is an id: a letter or digit, then up to 127 letters,"
                    + " digits, dots, underscores or dashes");
        }
        return key;
    }
}
