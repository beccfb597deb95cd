package org.classreflect.api.routes;

import org.classreflect.core.accesslog.AccessAction;
import org.classreflect.core.accesslog.RecordAccess;
import org.classreflect.core.school.User;
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
import org.classreflect.core.session.SignOut;

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
    private final SignOut signOut;
    private final Clock clock;
    private final RecordAccess recordAccess;

    @Inject
    public AuthRoutes(LogIn logIn, ListUsers users, ChangePassword changePassword, SignOut signOut, Clock clock,
                      RecordAccess recordAccess) {
        this.recordAccess = recordAccess;
        this.logIn = logIn;
        this.users = users;
        this.changePassword = changePassword;
        this.signOut = signOut;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/auth/login", this::login);
        routes.post("/api/auth/logout", this::logout);
        routes.get("/api/me", this::me);
        routes.post("/api/me/password", this::password);
    }

    private void login(Context ctx) {
        // JSON only: a cross-site form can send text/plain or form bodies without a preflight (login CSRF)
        if (!isJson(ctx)) {
            Respond.rejection(ctx, new Rejection(Rejection.Reason.UNSUPPORTED_MEDIA_TYPE,
                    "send the sign-in as JSON with 'Content-Type: application/json'"));
            return;
        }
        LoginRequest body = Params.body(ctx, LoginRequest.class);
        var result = logIn.execute(new LogIn.Command(body.email(), body.password(), ctx.ip()));
        if (result instanceof Result.Ok<LogIn.Session> ok) {
            User user = ok.value().user();
            recordAccess.execute(user.asActor(), new RecordAccess.Event(AccessAction.SIGN_IN,
                    RecordAccess.Target.user(user.id()), ctx.ip(), null));
            SessionCookie.set(ctx, ok.value().token().token(), ok.value().token().expiresAt(), clock.instant());
        } else if (result instanceof Result.Rejected<LogIn.Session> refused) {
            recordAccess.signInFailed(body.email(), ctx.ip(), refused.rejection().message());
        }
        Respond.with(ctx, result, HttpStatus.OK,
                s -> new LoginResponse(s.token().token(), s.token().expiresAt(), UserView.of(s.user())));
    }

    static boolean isJson(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    /**
     * Signs the user out everywhere (their token version is bumped: every access and API token they hold stops
     * working). Signed in by cookie, the client header must come along, as for any state change; without it (or
     * without a valid credential) only the cookie is cleared.
     */
    private void logout(Context ctx) {
        boolean cookieOnly = ctx.header("Authorization") == null;
        if (!cookieOnly || ctx.header(SessionCookie.CLIENT_HEADER) != null) {
            Authenticator.credential(ctx).ifPresent(signOut::execute);
        }
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
        if (result instanceof Result.Ok<ChangePassword.Changed> ok && ctx.header("Authorization") == null) {
            // every earlier token stopped working, this browser's too: hand it the new one
            SessionCookie.set(ctx, ok.value().token().token(), ok.value().token().expiresAt(), clock.instant());
        }
        if (result instanceof Result.Rejected<?> r && r.rejection().reason() == Rejection.Reason.UNAUTHENTICATED) {
            // a wrong current password is a bad request from a signed-in user, not a reason to sign them out
            Respond.error(ctx, HttpStatus.BAD_REQUEST, "invalid_input", r.rejection().message());
            return;
        }
        Respond.with(ctx, result, HttpStatus.OK,
                c -> new LoginResponse(c.token().token(), c.token().expiresAt(), UserView.of(c.user())));
    }
}
