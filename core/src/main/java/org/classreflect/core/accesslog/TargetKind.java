package org.classreflect.core.accesslog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of thing an access log entry names by id. */
public enum TargetKind {
    RECORDING,
    USER,
    SCHOOL,
    TEMPLATE,
    SYSTEM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TargetKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
