package org.classreflect.core.school;

/** The rule every external id (a host's own id for a school or user) must meet. */
final class ExternalIds {

    static final int MAX_LENGTH = 200;

    private ExternalIds() {
    }

    /** The problem with an external id, or null when it is fine. External ids are kept exactly as given. */
    static String problem(String field, String externalId) {
        if (externalId == null || externalId.isBlank() || externalId.length() > MAX_LENGTH
                || !externalId.equals(externalId.strip())) {
            return field + " must have 1 to " + MAX_LENGTH + " characters, without surrounding spaces";
        }
        return null;
    }
}
