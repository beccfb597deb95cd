package org.classreflect.core.schoolsettings;

import jakarta.inject.Inject;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.deletion.RetentionSettings;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.classreflect.core.school.SchoolSettings;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.ScoreVisibility;
import org.classreflect.core.school.ScoreVisibility.Seen;
import org.classreflect.core.template.Templates;

/**
 * A school's settings: its users read them, its managers and super admins change them. A school's audio retention
 * lies within the bounds the installation sets ({@link RetentionSettings#problemWith}); its goal within
 * {@link SchoolAnalysisSettings#problemWithScoreGoal}.
 */
public final class ManageSchoolSettings {

    private final SchoolSettings settings;
    private final Schools schools;
    private final Templates templates;
    private final AccessPolicy policy;
    private final RetentionSettings retention;
    private final ScoreVisibility scores;

    @Inject
    public ManageSchoolSettings(SchoolSettings settings, Schools schools, Templates templates, AccessPolicy policy,
                                RetentionSettings retention) {
        this.scores = new ScoreVisibility(settings);
        this.settings = settings;
        this.schools = schools;
        this.templates = templates;
        this.policy = policy;
        this.retention = retention;
    }

    public Result<SchoolAnalysisSettings> get(Actor actor, String schoolId) {
        if (!policy.canSeeSchool(actor, schoolId) || schools.find(schoolId).isEmpty()) {
            return Result.rejected(Rejection.notFound("school"));
        }
        return Result.ok(settings.find(schoolId));
    }

    /** The settings as the reader may see them: the goal is a score, kept from a reader who sees none. */
    public Result<Seen<SchoolAnalysisSettings>> read(Actor actor, String schoolId) {
        return get(actor, schoolId).map(s -> new Seen<>(s, scores.hiddenFrom(actor, schoolId), s.scoreGoal()));
    }

    public Result<SchoolAnalysisSettings> put(Actor actor, SchoolAnalysisSettings wanted) {
        return get(actor, wanted.schoolId()).flatMap(current -> {
            if (!policy.canManageSchool(actor, wanted.schoolId())) {
                return Result.rejected(Rejection.forbidden("only the school's managers change its settings"));
            }
            String template = wanted.defaultTemplateId();
            if (template != null && templates.latest(template)
                    .filter(t -> t.isGlobal() || t.schoolId().equals(wanted.schoolId())).isEmpty()) {
                return Result.rejected(Rejection.invalid("no template " + template + " for this school"));
            }
            var badGoal = SchoolAnalysisSettings.problemWithScoreGoal(wanted.scoreGoal());
            if (badGoal.isPresent()) {
                return Result.rejected(Rejection.invalid(badGoal.get()));
            }
            // a period chosen before IT lowered the maximum may stay (it is cut when applied); a new one must fit
            if (wanted.audioRetention() != null && !wanted.audioRetention().equals(current.audioRetention())) {
                var problem = retention.problemWith(wanted.audioRetention());
                if (problem.isPresent()) {
                    return Result.rejected(Rejection.invalid(problem.get()));
                }
            }
            settings.save(wanted);
            return Result.ok(wanted);
        });
    }
}
