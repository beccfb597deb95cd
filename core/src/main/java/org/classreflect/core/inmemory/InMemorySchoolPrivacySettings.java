package org.classreflect.core.inmemory;

import static org.classreflect.core.inmemory.ConstraintViolationException.require;

import java.util.HashMap;
import java.util.Map;
import org.classreflect.core.redaction.SchoolPrivacy;
import org.classreflect.core.redaction.SchoolPrivacySettings;

/** Schools' privacy choices in memory; each school must exist. */
final class InMemorySchoolPrivacySettings implements SchoolPrivacySettings {

    private final StoreLock lock;
    private final InMemorySchools schools;
    private final Map<String, SchoolPrivacy> bySchool = new HashMap<>();

    InMemorySchoolPrivacySettings(StoreLock lock, InMemorySchools schools) {
        this.lock = lock;
        this.schools = schools;
    }

    @Override
    public SchoolPrivacy find(String schoolId) {
        return lock.read(() -> bySchool.getOrDefault(schoolId, SchoolPrivacy.defaults(schoolId)));
    }

    @Override
    public void save(SchoolPrivacy privacy) {
        lock.write(() -> {
            require(schools.has(privacy.schoolId()), "school_privacy: no school " + privacy.schoolId());
            bySchool.put(privacy.schoolId(), privacy);
        });
    }

    /** The caller holds the lock. */
    void remove(String schoolId) {
        bySchool.remove(schoolId);
    }
}
