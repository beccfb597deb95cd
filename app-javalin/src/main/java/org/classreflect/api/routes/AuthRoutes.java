package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.http.Params;
import org.classreflect.api.http.Respond;
import org.classreflect.api.http.SessionCookie;
import org.classreflect.api.views.UserView;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.ChangePassword;
import org.classreflect.core.school.ListUsers;
import org.classreflect.core.school.LogIn;

public final class AuthRoutes {

    record LoginRequest(String email, String password) {
    }

    record LoginResponse(String token, Instant expiresAt, UserView user) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    private final LogIn logIn;
    private final ListUsers users;
    private final ChangePassword changePassword;
    private final Clock clock;

    @Inject
    public AuthRoutes(LogIn logIn, ListUsers users, ChangePassword changePassword, Clock clock) {
        this.logIn = logIn;
        this.users = users;
        this.changePassword = changePassword;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/auth/login", this::login);
        routes.post("/api/auth/logout", this::logout);
        routes.get("/api/me", this::me);
        routes.post("/api/me/password", this::password);
    }

    private void login(Context ctx) {
        LoginRequest body = Params.body(ctx, LoginRequest.class);
        var result = logIn.execute(new LogIn.Command(body.email(), body.password()));
        if (result instanceof Result.Ok<LogIn.Session> ok) {
            SessionCookie.set(ctx, ok.value().token().token(), ok.value().token().expiresAt(), clock.instant());
        }
        Respond.with(ctx, result, HttpStatus.OK,
                s -> new LoginResponse(s.token().token(), s.token().expiresAt(), UserView.of(s.user())));
    }

    private void logout(Context ctx) {
        SessionCookie.clear(ctx);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void me(Context ctx) {
        var actor = Authenticator.actor(ctx);
        Respond.with(ctx, users.get(actor, actor.userId()), HttpStatus.OK, UserView::of);
    }

    private void password(Context ctx) {
        PasswordChange body = Params.body(ctx, PasswordChange.class);
        var result = changePassword.execute(Authenticator.actor(ctx),
                new ChangePassword.Command(body.currentPassword(), body.newPassword()));
        if (result instanceof Result.Rejected<?> r && r.rejection().reason() == Rejection.Reason.UNAUTHENTICATED) {
            // a wrong current password is a bad request from a signed-in user, not a reason to sign them out
            Respond.error(ctx, HttpStatus.BAD_REQUEST, "invalid_input", r.rejection().message());
            return;
        }
        Respond.with(ctx, result, HttpStatus.OK, UserView::of);
    }
}
