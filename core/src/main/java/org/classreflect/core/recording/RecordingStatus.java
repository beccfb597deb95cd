package org.classreflect.core.recording;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a recording: {@code uploading -> queued -> processing -> transcribed -> completed}; any state that is
 * not terminal may fail; a failed recording is queued again only by an explicit retry. A lesson whose transcript was
 * supplied with it skips the worker's part: {@code uploading -> transcribed}.
 */
public enum RecordingStatus {
    UPLOADING("uploading"),
    QUEUED("queued"),
    PROCESSING("processing"),
    TRANSCRIBED("transcribed"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String wireName;

    RecordingStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RecordingStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    /** Completed is final. Failed is final too, unless someone explicitly retries it. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    public Set<RecordingStatus> successors() {
        return switch (this) {
            case UPLOADING -> EnumSet.of(QUEUED, TRANSCRIBED, FAILED);
            case QUEUED -> EnumSet.of(PROCESSING, FAILED);
            case PROCESSING -> EnumSet.of(TRANSCRIBED, FAILED);
            case TRANSCRIBED -> EnumSet.of(COMPLETED, FAILED);
            case COMPLETED -> EnumSet.noneOf(RecordingStatus.class);
            case FAILED -> EnumSet.of(QUEUED);
        };
    }

    public boolean canMoveTo(RecordingStatus next) {
        return successors().contains(next);
    }
}
