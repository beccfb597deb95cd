package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.util.Locale;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.http.Params;
import org.classreflect.api.http.Respond;
import org.classreflect.api.views.SchoolOverviewView;
import org.classreflect.api.views.SystemSettingsView;
import org.classreflect.api.views.UsageView;
import org.classreflect.api.views.WorkloadView;
import org.classreflect.core.admin.ListSchoolOverviews;
import org.classreflect.core.admin.ReadWorkload;
import org.classreflect.core.admin.ReportUsage;
import org.classreflect.core.system.ManageSystemChoices;
import org.classreflect.core.system.RubricChoice;
import org.classreflect.sdk.config.Settings;

/** The super admin's reports and system settings, under /api/admin. Every answer is refused (403) to anyone else. */
public final class AdminRoutes {

    record RubricBody(String provider, String baseUrl, String model) {
    }

    /** Null parts go back to the deployment's configuration. */
    record SystemBody(String transcriptionModel, RubricBody rubric) {
    }

    private final ListSchoolOverviews schools;
    private final ReportUsage usage;
    private final ReadWorkload workload;
    private final ManageSystemChoices system;
    private final Settings settings;

    @Inject
    public AdminRoutes(ListSchoolOverviews schools, ReportUsage usage, ReadWorkload workload,
                       ManageSystemChoices system, Settings settings) {
        this.schools = schools;
        this.usage = usage;
        this.workload = workload;
        this.system = system;
        this.settings = settings;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/admin/schools", this::schools);
        routes.get("/api/admin/usage", this::usage);
        routes.get("/api/admin/workload", this::workload);
        routes.get("/api/admin/system", this::readSystem);
        routes.put("/api/admin/system", this::changeSystem);
    }

    private void schools(Context ctx) {
        Respond.with(ctx, schools.execute(Authenticator.actor(ctx)), HttpStatus.OK,
                list -> list.stream().map(SchoolOverviewView::of).toList());
    }

    private void usage(Context ctx) {
        Respond.with(ctx, usage.execute(Authenticator.actor(ctx), Params.integer(ctx, "months", 12)), HttpStatus.OK,
                UsageView::of);
    }

    private void workload(Context ctx) {
        String mode = settings.mode().name().toLowerCase(Locale.ROOT);
        Respond.with(ctx, workload.execute(Authenticator.actor(ctx)), HttpStatus.OK, w -> WorkloadView.of(mode, w));
    }

    private void readSystem(Context ctx) {
        Respond.with(ctx, system.read(Authenticator.actor(ctx)), HttpStatus.OK,
                overview -> SystemSettingsView.of(overview, settings));
    }

    private void changeSystem(Context ctx) {
        SystemBody body = Params.body(ctx, SystemBody.class);
        RubricChoice rubric = body.rubric() == null ? null
                : new RubricChoice(body.rubric().provider(), body.rubric().baseUrl(), body.rubric().model());
        var changed = system.change(Authenticator.actor(ctx),
                new ManageSystemChoices.Command(body.transcriptionModel(), rubric));
        if (changed.isOk()) {
            readSystem(ctx);
        } else {
            Respond.with(ctx, changed, HttpStatus.OK, c -> c);
        }
    }
}
