package org.classreflect.core.redaction;

import jakarta.inject.Inject;
import java.util.List;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Schools;

/** Reads and changes a school's privacy choices: its managers and super admins. */
public final class ManagePrivacySettings {

    private final SchoolPrivacySettings settings;
    private final Schools schools;
    private final AccessPolicy policy;

    @Inject
    public ManagePrivacySettings(SchoolPrivacySettings settings, Schools schools, AccessPolicy policy) {
        this.settings = settings;
        this.schools = schools;
        this.policy = policy;
    }

    public Result<SchoolPrivacy> get(Actor actor, String schoolId) {
        if (!policy.canManageSchool(actor, schoolId) || schools.find(schoolId).isEmpty()) {
            return Result.rejected(Rejection.notFound("school"));
        }
        return Result.ok(settings.find(schoolId));
    }

    public Result<SchoolPrivacy> change(Actor actor, SchoolPrivacy wanted) {
        return get(actor, wanted.schoolId()).flatMap(current -> {
            if (wanted.transcriptRetentionDays() != null && wanted.transcriptRetentionDays() < 1) {
                return Result.rejected(Rejection.invalid("transcript retention must be at least 1 day, or none"));
            }
            if (wanted.classList().size() > SchoolPrivacy.MAX_CLASS_LIST) {
                return Result.rejected(Rejection.invalid("the class list may hold at most "
                        + SchoolPrivacy.MAX_CLASS_LIST + " names"));
            }
            List<String> names = wanted.classList().stream().map(String::strip).filter(n -> !n.isEmpty())
                    .distinct().toList();
            SchoolPrivacy saved = new SchoolPrivacy(wanted.schoolId(), wanted.redactStudentNames(), names,
                    wanted.transcriptRetentionDays());
            settings.save(saved);
            return Result.ok(saved);
        });
    }
}
