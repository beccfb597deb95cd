package org.classreflect.core.dataexport;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whose data an export holds: one person's account and lessons, or a whole school's. */
public enum ExportKind {
    TEACHER,
    SCHOOL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExportKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
