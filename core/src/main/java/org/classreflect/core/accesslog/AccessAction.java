package org.classreflect.core.accesslog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What was done that the access log records: reads of a lesson's data, exports, changes, sign-ins (and failed
 * attempts), deletions of a recording, erasures.
 */
public enum AccessAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    READ_RECORDING,
    READ_AUDIO,
    READ_TRANSCRIPT,
    READ_METRICS,
    READ_ANALYSIS,
    EXPORT,
    CHANGE_SETTINGS,
    CHANGE_USER,
    CHANGE_TEMPLATE,
    DELETE_RECORDING,
    ERASURE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccessAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
    }
}
