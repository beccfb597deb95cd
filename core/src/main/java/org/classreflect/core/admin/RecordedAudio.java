package org.classreflect.core.admin;

import java.time.Instant;

/** One uploaded recording as usage counts it: its school, when it was uploaded, its length (null: not known). */
public record RecordedAudio(String schoolId, Instant createdAt, Double durationSeconds) {
}
