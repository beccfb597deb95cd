package org.classreflect.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.http.BadRequest;
import org.classreflect.api.http.Params;
import org.classreflect.api.http.Respond;
import org.classreflect.api.views.AnalysisView;
import org.classreflect.api.views.MetricView;
import org.classreflect.api.views.SchoolSettingsView;
import org.classreflect.api.views.TemplateView;
import org.classreflect.core.schoolsettings.ManageSchoolSettings;
import org.classreflect.core.template.ManageTemplates;
import org.classreflect.core.report.ManageGoals;
import org.classreflect.core.report.ReadAnalyses;
import org.classreflect.core.analysis.RequestAnalysis;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.classreflect.core.report.SchoolDashboard;
import org.classreflect.core.deletion.RetentionSettings;
import org.classreflect.core.school.Actor;

/** Templates, analyses of recordings, a teacher's progress, a school's summary and its analysis settings. */
public final class AnalysisRoutes {

    record NewAnalysis(String templateId) {
    }

    record GoalsBody(List<String> criteria) {
    }

    /** {@code audioRetentionHours}: left out keeps the school's period, null returns to the installation's. */
    record SettingsBody(Boolean hideScoresFromTeachers, String defaultTemplateId, Boolean rubricEnabled,
                        JsonNode audioRetentionHours, JsonNode scoreGoal) {
    }

    private final ManageTemplates templates;
    private final RequestAnalysis request;
    private final ReadAnalyses read;
    private final ManageSchoolSettings settings;
    private final SchoolDashboard dashboard;
    private final RetentionSettings retention;
    private final ManageGoals goals;

    @Inject
    public AnalysisRoutes(ManageTemplates templates, RequestAnalysis request, ReadAnalyses read,
                          ManageSchoolSettings settings, SchoolDashboard dashboard, RetentionSettings retention,
                          ManageGoals goals) {
        this.goals = goals;
        this.templates = templates;
        this.request = request;
        this.read = read;
        this.settings = settings;
        this.dashboard = dashboard;
        this.retention = retention;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/templates", this::listTemplates);
        routes.post("/api/templates", this::createTemplate);
        routes.get("/api/templates/{id}", this::getTemplate);
        routes.put("/api/templates/{id}", this::updateTemplate);
        routes.delete("/api/templates/{id}", this::deleteTemplate);
        routes.post("/api/recordings/{id}/analyses", this::requestAnalysis);
        routes.get("/api/recordings/{id}/analyses", this::listAnalyses);
        routes.post("/api/recordings/{id}/analyses/{analysisId}/retry", this::retryAnalysis);
        routes.get("/api/recordings/{id}/metrics", this::metrics);
        routes.get("/api/teachers/{id}/progress", this::progress);
        routes.get("/api/teachers/{id}/goals", this::getGoals);
        routes.put("/api/teachers/{id}/goals", this::putGoals);
        routes.get("/api/schools/{id}/summary", this::summary);
        routes.get("/api/schools/{id}/settings", this::getSettings);
        routes.put("/api/schools/{id}/settings", this::putSettings);
        routes.get("/api/schools/{id}/dashboard", this::dashboard);
        routes.get("/api/metrics", this::metricCatalogue);
    }

    private void listTemplates(Context ctx) {
        var seen = templates.list(Authenticator.actor(ctx), ctx.queryParam("schoolId"));
        ctx.json(Map.of("items", seen.value().stream()
                .map(t -> TemplateView.forReader(t, seen.scoresHidden())).toList()));
    }

    private void createTemplate(Context ctx) {
        var draft = Params.body(ctx, TemplateView.class).toDraft();
        Respond.with(ctx, templates.create(Authenticator.actor(ctx), draft), HttpStatus.CREATED, TemplateView::of);
    }

    private void getTemplate(Context ctx) {
        Respond.with(ctx, templates.get(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK,
                seen -> TemplateView.forReader(seen.value(), seen.scoresHidden()));
    }

    private void updateTemplate(Context ctx) {
        var draft = Params.body(ctx, TemplateView.class).toDraft();
        Respond.with(ctx, templates.update(Authenticator.actor(ctx), ctx.pathParam("id"), draft), HttpStatus.OK,
                TemplateView::of);
    }

    private void deleteTemplate(Context ctx) {
        var result = templates.delete(Authenticator.actor(ctx), ctx.pathParam("id"));
        if (result.isOk()) {
            ctx.status(HttpStatus.NO_CONTENT);
        } else {
            Respond.with(ctx, result, HttpStatus.NO_CONTENT, t -> t);
        }
    }

    private void requestAnalysis(Context ctx) {
        NewAnalysis body = Params.body(ctx, NewAnalysis.class);
        Respond.with(ctx, request.execute(Authenticator.actor(ctx), ctx.pathParam("id"), body.templateId()),
                HttpStatus.ACCEPTED, AnalysisView::requested);
    }

    private void retryAnalysis(Context ctx) {
        Actor actor = Authenticator.actor(ctx);
        Respond.with(ctx, request.retry(actor, ctx.pathParam("id"), ctx.pathParam("analysisId")),
                HttpStatus.ACCEPTED, AnalysisView::requested);
    }

    private void listAnalyses(Context ctx) {
        Respond.with(ctx, read.forRecording(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK,
                seen -> Map.of("items", seen.value().stream()
                        .map(a -> AnalysisView.of(a, seen.scoresHidden(), seen.scoreGoal()))
                        .toList()));
    }

    private void metrics(Context ctx) {
        Respond.with(ctx, read.metrics(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK,
                a -> Map.of("analysisId", a.id(), "metrics", AnalysisView.metrics(a.metrics()),
                        "speakingRateByWindow", Objects.requireNonNullElse(a.speakingRateByWindow(), List.of())));
    }

    private void progress(Context ctx) {
        Respond.with(ctx, read.progress(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK, p -> p);
    }

    private void getGoals(Context ctx) {
        Respond.with(ctx, goals.get(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK,
                criteria -> Map.of("criteria", criteria));
    }

    private void putGoals(Context ctx) {
        GoalsBody body = Params.body(ctx, GoalsBody.class);
        Respond.with(ctx, goals.set(Authenticator.actor(ctx), new ManageGoals.Command(ctx.pathParam("id"),
                body.criteria())), HttpStatus.OK, criteria -> Map.of("criteria", criteria));
    }

    private void summary(Context ctx) {
        Respond.with(ctx, read.summary(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK, s -> s);
    }

    private void getSettings(Context ctx) {
        Respond.with(ctx, settings.read(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK,
                seen -> SchoolSettingsView.of(seen.value(), retention, seen.scoresHidden()));
    }

    /**
     * Fields left out of the body keep their current values; an empty defaultTemplateId clears it, a null
     * audioRetentionHours returns the school to the installation's period.
     */
    private void putSettings(Context ctx) {
        Actor actor = Authenticator.actor(ctx);
        SettingsBody body = Params.body(ctx, SettingsBody.class);
        Respond.with(ctx, settings.get(actor, ctx.pathParam("id")).flatMap(current -> settings.put(actor,
                new SchoolAnalysisSettings(current.schoolId(),
                        body.hideScoresFromTeachers() == null ? current.hideScoresFromTeachers()
                                : body.hideScoresFromTeachers(),
                        body.defaultTemplateId() == null ? current.defaultTemplateId()
                                : body.defaultTemplateId().isEmpty() ? null : body.defaultTemplateId(),
                        body.rubricEnabled() == null ? current.rubricEnabled() : body.rubricEnabled(),
                        body.audioRetentionHours() == null ? current.audioRetention()
                                : retentionHours(body.audioRetentionHours()),
                        body.scoreGoal() == null ? current.scoreGoal() : scoreGoal(body.scoreGoal())))),
                HttpStatus.OK, s -> SchoolSettingsView.of(s, retention));
    }

    private static int scoreGoal(JsonNode goal) {
        if (!goal.canConvertToExactIntegral() || !goal.canConvertToInt()) {
            throw new BadRequest("scoreGoal must be a whole score");
        }
        return goal.asInt();
    }

    private static Duration retentionHours(JsonNode hours) {
        if (hours.isNull()) {
            return null;
        }
        if (!hours.canConvertToExactIntegral() || !hours.canConvertToInt()) {
            throw new BadRequest("audioRetentionHours must be a whole number of hours, or null for the "
                    + "installation's period");
        }
        return Duration.ofHours(hours.asInt());
    }

    private void dashboard(Context ctx) {
        Respond.with(ctx, dashboard.execute(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK, f -> f);
    }

    /** What a measured criterion may be bound to: every metric with its unit and the values it can take. */
    private void metricCatalogue(Context ctx) {
        ctx.json(Map.of("items", MetricView.all()));
    }
}
