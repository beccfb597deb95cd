package org.classreflect.adapters.sql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.classreflect.core.apitoken.ApiToken;
import org.classreflect.core.apitoken.ApiTokens;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiApiTokens implements ApiTokens {

    private static final RowMapper<ApiToken> TOKEN = (rs, ctx) -> new ApiToken(
            rs.getString("id"),
            rs.getString("user_id"),
            rs.getString("name"),
            rs.getString("secret_hash"),
            SqlTimes.instant(rs, "created_at"),
            SqlTimes.instant(rs, "last_used_at"),
            rs.getLong("user_token_version"));

    private final Jdbi jdbi;

    public JdbiApiTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(ApiToken token) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO api_tokens (id, user_id, name, secret_hash, created_at, last_used_at,
                                                user_token_version)
                        VALUES (:id, :userId, :name, :secretHash, :createdAt, :lastUsedAt, :version)""")
                .bind("version", token.userTokenVersion())
                .bind("id", token.id())
                .bind("userId", token.userId())
                .bind("name", token.name())
                .bind("secretHash", token.secretHash())
                .bind("createdAt", SqlTimes.utc(token.createdAt()))
                .bind("lastUsedAt", SqlTimes.utc(token.lastUsedAt()))
                .execute());
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_tokens WHERE secret_hash = :hash")
                .bind("hash", secretHash).map(TOKEN).findOne());
    }

    @Override
    public List<ApiToken> listForUser(String userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM api_tokens WHERE user_id = :userId ORDER BY created_at, id")
                .bind("userId", userId).map(TOKEN).list());
    }

    @Override
    public boolean delete(String id, String userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_tokens WHERE id = :id AND user_id = :userId")
                .bind("id", id).bind("userId", userId).execute()) > 0;
    }

    @Override
    public void markUsed(String id, Instant when) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = :when WHERE id = :id")
                .bind("when", SqlTimes.utc(when)).bind("id", id).execute());
    }
}
