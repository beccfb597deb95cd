package org.classreflect.core.system;

/**
 * A speech model the deployment knows of: its catalogue name, what it is good for, its download size (null: not
 * known), whether it is here, and whether it is the deployment's default.
 */
public record SpeechModel(String name, String summary, Long sizeBytes, boolean englishOnly,
                          Availability availability, boolean deploymentDefault) {

    public enum Availability {
        INSTALLED,
        NOT_INSTALLED,
        /** The workers run elsewhere, with models directories of their own this process cannot see. */
        UNKNOWN
    }
}
