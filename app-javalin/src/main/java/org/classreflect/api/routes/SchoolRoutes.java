package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.http.Params;
import org.classreflect.api.http.Respond;
import org.classreflect.core.school.CreateSchool;
import org.classreflect.core.school.ListSchools;
import org.classreflect.core.school.RenameSchool;

public final class SchoolRoutes {

    record NewSchool(String name) {
    }

    private final CreateSchool createSchool;
    private final ListSchools listSchools;
    private final RenameSchool renameSchool;

    @Inject
    public SchoolRoutes(CreateSchool createSchool, ListSchools listSchools, RenameSchool renameSchool) {
        this.createSchool = createSchool;
        this.listSchools = listSchools;
        this.renameSchool = renameSchool;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/schools", this::list);
        routes.post("/api/schools", this::create);
        routes.get("/api/schools/{id}", this::get);
        routes.patch("/api/schools/{id}", this::rename);
    }

    private void list(Context ctx) {
        ctx.json(listSchools.execute(Authenticator.actor(ctx)));
    }

    private void get(Context ctx) {
        Respond.with(ctx, listSchools.get(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK, s -> s);
    }

    private void create(Context ctx) {
        NewSchool body = Params.body(ctx, NewSchool.class);
        Respond.with(ctx, createSchool.execute(Authenticator.actor(ctx), new CreateSchool.Command(body.name())),
                HttpStatus.CREATED, s -> s);
    }

    private void rename(Context ctx) {
        NewSchool body = Params.body(ctx, NewSchool.class);
        Respond.with(ctx, renameSchool.execute(Authenticator.actor(ctx),
                new RenameSchool.Command(ctx.pathParam("id"), body.name())), HttpStatus.OK, s -> s);
    }
}
