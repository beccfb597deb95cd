package org.classreflect.core.apitoken;

import jakarta.inject.Inject;
import java.util.List;
import org.classreflect.core.school.Actor;

/** A user's own tokens. Nobody sees anyone else's, whatever their role. */
public final class ListApiTokens {

    private final ApiTokens tokens;

    @Inject
    public ListApiTokens(ApiTokens tokens) {
        this.tokens = tokens;
    }

    public List<ApiToken> execute(Actor actor) {
        return tokens.listForUser(actor.userId());
    }
}
