package org.classreflect.core.inmemory;

import static org.classreflect.core.inmemory.ConstraintViolationException.require;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classreflect.core.apitoken.ApiToken;
import org.classreflect.core.apitoken.ApiTokens;

/** API tokens in memory: secret hashes unique, each token's user must exist, a user's listed oldest first. */
final class InMemoryApiTokens implements ApiTokens {

    private static final Comparator<ApiToken> OLDEST_FIRST = Comparator.comparing(ApiToken::createdAt)
            .thenComparing(ApiToken::id, BinaryCollation.ORDER);

    private final StoreLock lock;
    private final InMemoryUsers users;
    private final Map<String, ApiToken> byId = new HashMap<>();

    InMemoryApiTokens(StoreLock lock, InMemoryUsers users) {
        this.lock = lock;
        this.users = users;
    }

    @Override
    public void insert(ApiToken t) {
        lock.write(() -> {
            require(!byId.containsKey(t.id()), "api_tokens: id " + t.id() + " is taken");
            require(byId.values().stream().noneMatch(other -> other.secretHash().equals(t.secretHash())),
                    "api_tokens: secret hash is taken");
            require(users.has(t.userId()), "api_tokens: no user " + t.userId());
            byId.put(t.id(), new ApiToken(t.id(), t.userId(), t.name(), t.secretHash(), Millis.of(t.createdAt()),
                    Millis.of(t.lastUsedAt()), t.userTokenVersion()));
        });
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretHash) {
        return lock.read(() -> byId.values().stream().filter(t -> t.secretHash().equals(secretHash)).findFirst());
    }

    @Override
    public List<ApiToken> listForUser(String userId) {
        return lock.read(() -> byId.values().stream().filter(t -> t.userId().equals(userId)).sorted(OLDEST_FIRST)
                .toList());
    }

    @Override
    public boolean delete(String id, String userId) {
        return lock.write(() -> {
            ApiToken token = byId.get(id);
            return token != null && token.userId().equals(userId) && byId.remove(id) != null;
        });
    }

    @Override
    public void markUsed(String id, Instant when) {
        lock.write(() -> byId.computeIfPresent(id, (key, t) -> new ApiToken(t.id(), t.userId(), t.name(),
                t.secretHash(), t.createdAt(), Millis.of(when), t.userTokenVersion())));
    }

    /** The caller holds the lock. */
    void removeForUser(String userId) {
        byId.values().removeIf(t -> t.userId().equals(userId));
    }
}
