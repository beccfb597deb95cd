package org.classreflect.core.inmemory;

import static org.classreflect.core.inmemory.ConstraintViolationException.require;

import java.util.List;
import org.classreflect.core.erasure.AccountRemoval;
import org.classreflect.core.school.User;

/** Removes erased accounts under the stores' one write lock: all of it at once, as a transaction would. */
final class InMemoryAccountRemoval implements AccountRemoval {

    private final StoreLock lock;
    private final InMemorySchools schools;
    private final InMemoryUsers users;
    private final InMemoryRecordings recordings;
    private final InMemoryTemplates templates;
    private final InMemorySchoolSettings schoolSettings;
    private final InMemorySchoolPrivacySettings schoolPrivacy;
    private final InMemoryApiTokens apiTokens;
    private final InMemoryTeacherGoals goals;

    InMemoryAccountRemoval(StoreLock lock, InMemorySchools schools, InMemoryUsers users, InMemoryRecordings recordings,
                           InMemoryTemplates templates, InMemorySchoolSettings schoolSettings,
                           InMemorySchoolPrivacySettings schoolPrivacy, InMemoryApiTokens apiTokens,
                           InMemoryTeacherGoals goals) {
        this.schoolPrivacy = schoolPrivacy;
        this.lock = lock;
        this.schools = schools;
        this.users = users;
        this.recordings = recordings;
        this.templates = templates;
        this.schoolSettings = schoolSettings;
        this.apiTokens = apiTokens;
        this.goals = goals;
    }

    @Override
    public void removeTeacher(String userId) {
        lock.write(() -> {
            require(!recordings.anyOf(userId, null), "users: recordings still name user " + userId);
            apiTokens.removeForUser(userId);
            goals.removeForUser(userId);
            users.remove(userId);
        });
    }

    @Override
    public void removeSchool(String schoolId) {
        lock.write(() -> {
            require(!recordings.anyOf(null, schoolId), "schools: recordings still name school " + schoolId);
            List<String> members = users.rows().stream().filter(u -> schoolId.equals(u.schoolId())).map(User::id)
                    .toList();
            for (String id : members) {
                apiTokens.removeForUser(id);
                goals.removeForUser(id);
                users.remove(id);
            }
            templates.removeSchool(schoolId);
            schoolSettings.remove(schoolId);
            schoolPrivacy.remove(schoolId);
            schools.remove(schoolId);
        });
    }
}
