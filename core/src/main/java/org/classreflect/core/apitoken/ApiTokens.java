package org.classreflect.core.apitoken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where API tokens are kept. Secret hashes are unique. */
public interface ApiTokens {

    void insert(ApiToken token);

    Optional<ApiToken> findBySecretHash(String secretHash);

    /** The user's tokens, oldest first. */
    List<ApiToken> listForUser(String userId);

    /** Deletes the token if it belongs to the user; false when there was no such token of theirs. */
    boolean delete(String id, String userId);

    void markUsed(String id, Instant when);
}
