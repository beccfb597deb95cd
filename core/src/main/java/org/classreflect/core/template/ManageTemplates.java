package org.classreflect.core.template;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.ScoreVisibility;
import org.classreflect.core.school.ScoreVisibility.Seen;

/**
 * Templates: teachers read their school's and the global ones; school managers edit their school's; super admins
 * edit any, global ones included. An edit stores a new version; a delete hides the template from new analyses. What
 * a reader gets is marked {@code scoresHidden} for a teacher of a school that hides scores: criterion weights,
 * targets and curves, with the measured metrics, would give the hidden scores back, so the API leaves them out.
 */
public final class ManageTemplates {

    /** What a client sends; {@code schoolId} counts only for super admins (null: a global template). */
    public record Draft(String schoolId, String name, String description, String category, Set<String> subjects,
                        Set<String> grades, List<Criterion> criteria) {
    }

    private final Templates templates;
    private final AccessPolicy policy;
    private final ScoreVisibility scores;

    @Inject
    public ManageTemplates(Templates templates, AccessPolicy policy, ScoreVisibility scores) {
        this.templates = templates;
        this.policy = policy;
        this.scores = scores;
    }

    /**
     * Super admins: every template, or with {@code schoolId} the ones that school's users see. Everyone else: their
     * school's and the global ones ({@code schoolId} is ignored, as it is for users).
     */
    public Seen<List<Template>> list(Actor actor, String schoolId) {
        if (!actor.is(Role.SUPER_ADMIN)) {
            return new Seen<>(templates.listUsableBy(actor.schoolId()), scoringHidden(actor));
        }
        return new Seen<>(schoolId == null || schoolId.isBlank() ? templates.listAll()
                : templates.listUsableBy(schoolId), false);
    }

    public Result<Seen<Template>> get(Actor actor, String id) {
        return visible(actor, id).map(t -> new Seen<>(t, scoringHidden(actor)));
    }

    public Result<Template> create(Actor actor, Draft draft) {
        String schoolId = actor.is(Role.SUPER_ADMIN) ? draft.schoolId() : actor.schoolId();
        if (!policy.canEditTemplate(actor, schoolId)) {
            return Result.rejected(Rejection.forbidden("only school managers and super admins make templates"));
        }
        return store(template(Ids.newId(), schoolId, 1, draft));
    }

    public Result<Template> update(Actor actor, String id, Draft draft) {
        return editable(actor, id).flatMap(current -> store(template(id, current.schoolId(),
                current.version() + 1, draft)));
    }

    public Result<Template> delete(Actor actor, String id) {
        return editable(actor, id).map(current -> {
            templates.delete(id);
            return current;
        });
    }

    /** A teacher reads the templates of their own school (and the global ones), so their school decides. */
    private boolean scoringHidden(Actor actor) {
        return actor.schoolId() != null && scores.hiddenFrom(actor, actor.schoolId());
    }

    private Result<Template> visible(Actor actor, String id) {
        return templates.latest(id).filter(t -> policy.canSeeTemplate(actor, t.schoolId()))
                .<Result<Template>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("template")));
    }

    private Result<Template> editable(Actor actor, String id) {
        return visible(actor, id).flatMap(t -> policy.canEditTemplate(actor, t.schoolId()) ? Result.ok(t)
                : Result.rejected(Rejection.forbidden("you may not change this template")));
    }

    private Result<Template> store(Template template) {
        return TemplateRules.validate(template).map(t -> {
            templates.insert(t);
            return t;
        });
    }

    private static Template template(String id, String schoolId, int version, Draft d) {
        return new Template(id, schoolId, d.name(), d.description(), d.category(),
                d.subjects() == null ? Set.of() : d.subjects(), d.grades() == null ? Set.of() : d.grades(), version,
                d.criteria() == null ? List.of() : d.criteria());
    }
}
