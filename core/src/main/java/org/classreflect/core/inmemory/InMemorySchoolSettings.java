package org.classreflect.core.inmemory;

import static org.classreflect.core.inmemory.ConstraintViolationException.require;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.classreflect.core.school.SchoolSettings;

/** Each existing school's analysis settings in memory; the audio retention kept in whole seconds, as in SQL. */
final class InMemorySchoolSettings implements SchoolSettings {

    private final StoreLock lock;
    private final InMemorySchools schools;
    private final Map<String, SchoolAnalysisSettings> bySchool = new HashMap<>();

    InMemorySchoolSettings(StoreLock lock, InMemorySchools schools) {
        this.lock = lock;
        this.schools = schools;
    }

    @Override
    public SchoolAnalysisSettings find(String schoolId) {
        return lock.read(() -> bySchool.getOrDefault(schoolId, SchoolAnalysisSettings.defaults(schoolId)));
    }

    @Override
    public void save(SchoolAnalysisSettings s) {
        Duration retention = s.audioRetention() == null ? null : Duration.ofSeconds(s.audioRetention().toSeconds());
        lock.write(() -> {
            require(schools.has(s.schoolId()), "school_analysis_settings: no school " + s.schoolId());
            bySchool.put(s.schoolId(), new SchoolAnalysisSettings(s.schoolId(), s.hideScoresFromTeachers(),
                    s.defaultTemplateId(), s.rubricEnabled(), retention, s.scoreGoal()));
        });
    }

    /** The caller holds the lock. */
    void remove(String schoolId) {
        bySchool.remove(schoolId);
    }
}
