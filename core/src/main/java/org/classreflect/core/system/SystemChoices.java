package org.classreflect.core.system;

import java.time.Instant;

/**
 * What a super admin chose for the whole system, each part null when the deployment's configuration stands: the
 * Whisper model by its catalogue name, and the language model for rubric feedback. Workers read it before each job
 * and each analysis, so a change takes effect for the next one.
 */
public record SystemChoices(String transcriptionModel, RubricChoice rubric, Instant updatedAt, String updatedBy) {

    public static final SystemChoices NONE = new SystemChoices(null, null, null, null);
}
