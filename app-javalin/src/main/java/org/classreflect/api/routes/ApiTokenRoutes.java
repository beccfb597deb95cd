package org.classreflect.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.time.Instant;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.http.Params;
import org.classreflect.api.http.Respond;
import org.classreflect.core.apitoken.ApiToken;
import org.classreflect.core.apitoken.CreateApiToken;
import org.classreflect.core.apitoken.ListApiTokens;
import org.classreflect.core.apitoken.RevokeApiToken;

/** The signed-in user's personal API tokens. The secret appears in the answer to POST and never again. */
public final class ApiTokenRoutes {

    record NewToken(String name) {
    }

    record TokenView(String id, String name, Instant createdAt, Instant lastUsedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.createdAt(), t.lastUsedAt());
        }
    }

    record CreatedView(String id, String name, Instant createdAt, Instant lastUsedAt, String token) {
        static CreatedView of(CreateApiToken.Created c) {
            return new CreatedView(c.token().id(), c.token().name(), c.token().createdAt(), null, c.secret());
        }
    }

    private final CreateApiToken create;
    private final ListApiTokens list;
    private final RevokeApiToken revoke;

    @Inject
    public ApiTokenRoutes(CreateApiToken create, ListApiTokens list, RevokeApiToken revoke) {
        this.create = create;
        this.list = list;
        this.revoke = revoke;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/me/api-tokens", this::create);
        routes.get("/api/me/api-tokens", this::list);
        routes.delete("/api/me/api-tokens/{id}", this::revoke);
    }

    private void create(Context ctx) {
        NewToken body = Params.body(ctx, NewToken.class);
        Respond.with(ctx, create.execute(Authenticator.actor(ctx), body.name()), HttpStatus.CREATED,
                CreatedView::of);
    }

    private void list(Context ctx) {
        ctx.json(list.execute(Authenticator.actor(ctx)).stream().map(TokenView::of).toList());
    }

    private void revoke(Context ctx) {
        var result = revoke.execute(Authenticator.actor(ctx), ctx.pathParam("id"));
        if (result.isOk()) {
            ctx.status(HttpStatus.NO_CONTENT);
        } else {
            Respond.with(ctx, result, HttpStatus.NO_CONTENT, id -> id);
        }
    }
}
