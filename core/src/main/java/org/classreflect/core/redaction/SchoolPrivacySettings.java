package org.classreflect.core.redaction;

/** Port: each school's privacy choices. */
public interface SchoolPrivacySettings {

    /** The school's choices, or the defaults (no redaction, transcripts kept) when it never saved any. */
    SchoolPrivacy find(String schoolId);

    void save(SchoolPrivacy privacy);
}
