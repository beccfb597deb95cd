package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.http.BadRequest;
import org.classreflect.api.http.Params;
import org.classreflect.api.http.Respond;
import org.classreflect.api.views.CreatedUserView;
import org.classreflect.api.views.ImportView;
import org.classreflect.api.views.TemporaryPasswordView;
import org.classreflect.api.views.UserView;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.CreateUser;
import org.classreflect.core.school.ImportTeachers;
import org.classreflect.core.school.ListUsers;
import org.classreflect.core.school.ManageUser;
import org.classreflect.core.school.Role;

public final class UserRoutes {

    /** Read before the CSV is parsed, so a huge upload never reaches the parser's buffers. */
    static final long MAX_CSV_BYTES = 256 * 1024;

    record NewUser(String email, String displayName, String role, String schoolId, String password) {
    }

    record UserChanges(String displayName, String email, String role, Boolean active) {
    }

    private final CreateUser createUser;
    private final ListUsers listUsers;
    private final ManageUser manageUser;
    private final ImportTeachers importTeachers;

    @Inject
    public UserRoutes(CreateUser createUser, ListUsers listUsers, ManageUser manageUser,
                      ImportTeachers importTeachers) {
        this.createUser = createUser;
        this.listUsers = listUsers;
        this.manageUser = manageUser;
        this.importTeachers = importTeachers;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/users", this::list);
        routes.post("/api/users", this::create);
        routes.post("/api/users/import", this::importCsv);
        routes.get("/api/users/{id}", this::get);
        routes.patch("/api/users/{id}", this::update);
        routes.post("/api/users/{id}/temporary-password", this::temporaryPassword);
    }

    /** Optional filters: {@code schoolId} (super admins), {@code role}, {@code active} (true or false). */
    private void list(Context ctx) {
        String role = ctx.queryParam("role");
        String active = ctx.queryParam("active");
        var filter = new ListUsers.Filter(ctx.queryParam("schoolId"), role == null || role.isBlank() ? null
                : Role.fromWireName(role).orElseThrow(
                        () -> new BadRequest("role must be teacher, school_manager or super_admin")),
                active == null || active.isBlank() ? null : switch (active) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new BadRequest("active must be true or false");
                });
        Respond.with(ctx, listUsers.execute(Authenticator.actor(ctx), filter), HttpStatus.OK,
                users -> users.stream().map(UserView::of).toList());
    }

    private void get(Context ctx) {
        Respond.with(ctx, listUsers.get(Authenticator.actor(ctx), ctx.pathParam("id")), HttpStatus.OK, UserView::of);
    }

    /** Without a password the server picks a temporary one and answers it once, in {@code temporaryPassword}. */
    private void create(Context ctx) {
        NewUser body = Params.body(ctx, NewUser.class);
        Role role = Role.fromWireName(body.role()).orElseThrow(
                () -> new BadRequest("role must be teacher, school_manager or super_admin"));
        var command = new CreateUser.Command(body.email(), body.displayName(), role, body.schoolId(), body.password());
        Respond.with(ctx, createUser.execute(Authenticator.actor(ctx), command), HttpStatus.CREATED,
                CreatedUserView::of);
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

    /**
     * Multipart with the CSV in part "file" (and "schoolId" for super admins). A file with any bad row creates no one
     * and answers 400 with every problem; a clean one answers 201 with the accounts and their temporary passwords.
     */
    private void importCsv(Context ctx) throws IOException {
        Actor actor = Authenticator.actor(ctx);
        if (!importTeachers.mayImport(actor, ctx.formParam("schoolId"))) {
            Respond.error(ctx, HttpStatus.FORBIDDEN, "forbidden", "you may not create accounts in that school");
            return;
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw new BadRequest("send the CSV file as multipart form data in a part named 'file'");
        }
        if (file.size() > MAX_CSV_BYTES) {
            Respond.error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large", "a CSV of " + ImportTeachers.MAX_ROWS
                    + " accounts is far smaller than " + MAX_CSV_BYTES / 1024 + " KB; this file is not one");
            return;
        }
        TeacherCsv.Parsed parsed;
        try (InputStream in = file.content()) {
            parsed = TeacherCsv.read(in);
        }
        if (!parsed.problems().isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(ImportView.refused(parsed.problems()));
            return;
        }
        var result = importTeachers.execute(actor, ctx.formParam("schoolId"), parsed.rows());
        if (result instanceof Result.Ok<ImportTeachers.Report> ok && ok.value().refused()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(ImportView.refused(ok.value().problems()));
        } else {
            Respond.with(ctx, result, HttpStatus.CREATED, ImportView::created);
        }
    }
}
