package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.http.BadRequest;
import org.classreflect.api.http.Params;
import org.classreflect.api.http.Respond;
import org.classreflect.api.views.TemporaryPasswordView;
import org.classreflect.api.views.UserView;
import org.classreflect.core.school.CreateUser;
import org.classreflect.core.school.ListUsers;
import org.classreflect.core.school.ManageUser;
import org.classreflect.core.school.Role;

public final class UserRoutes {

    record NewUser(String email, String displayName, String role, String schoolId, String password) {
    }

    record UserChanges(String displayName, String email, String role, Boolean active) {
    }

    private final CreateUser createUser;
    private final ListUsers listUsers;
    private final ManageUser manageUser;

    @Inject
    public UserRoutes(CreateUser createUser, ListUsers listUsers, ManageUser manageUser) {
        this.createUser = createUser;
        this.listUsers = listUsers;
        this.manageUser = manageUser;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/users", this::list);
        routes.post("/api/users", this::create);
        routes.get("/api/users/{id}", this::get);
        routes.patch("/api/users/{id}", this::update);
        routes.post("/api/users/{id}/temporary-password", this::temporaryPassword);
    }

    private void list(Context ctx) {
        Respond.with(ctx, listUsers.execute(Authenticator.actor(ctx), ctx.queryParam("schoolId")), HttpStatus.OK,
                users -> users.stream().map(UserView::of).toList());
    }

    private void get(Context ctx) {
        Respond.with(ctx, listUsers.get(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK, UserView::of);
    }

    private void create(Context ctx) {
        NewUser body = Params.body(ctx, NewUser.class);
        Role role = Role.fromWireName(body.role()).orElseThrow(
                () -> new BadRequest("role must be teacher, school_manager or super_admin"));
        var command = new CreateUser.Command(body.email(), body.displayName(), role, body.schoolId(), body.password());
        Respond.with(ctx, createUser.execute(Authenticator.actor(ctx), command), HttpStatus.CREATED, UserView::of);
    }

    private void update(Context ctx) {
        UserChanges body = Params.body(ctx, UserChanges.class);
        Role role = body.role() == null ? null : Role.fromWireName(body.role()).orElseThrow(
                () -> new BadRequest("role must be teacher or school_manager"));
        var changes = new ManageUser.Changes(body.displayName(), body.email(), role, body.active());
        Respond.with(ctx, manageUser.update(Authenticator.actor(ctx), ctx.pathParam("id"), changes), HttpStatus.OK,
                UserView::of);
    }

    private void temporaryPassword(Context ctx) {
        Respond.with(ctx, manageUser.issueTemporaryPassword(Authenticator.actor(ctx), ctx.pathParam("id")),
                HttpStatus.OK, TemporaryPasswordView::of);
    }
}
