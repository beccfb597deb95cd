package org.classreflect.core.erasure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whose data an erasure removes: one teacher's, or a whole school's. */
public enum ErasureKind {
    TEACHER,
    SCHOOL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ErasureKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
