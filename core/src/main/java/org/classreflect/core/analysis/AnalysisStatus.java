package org.classreflect.core.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where one analysis of a recording stands; the recording's own status is separate. */
public enum AnalysisStatus {
    QUEUED, RUNNING, COMPLETED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AnalysisStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
