package org.classreflect.adapters.sql;

import java.util.List;
import java.util.Optional;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.User;
import org.classreflect.core.school.UserWithTokenVersion;
import org.classreflect.core.school.Users;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

public final class JdbiUsers implements Users {

    private static final RowMapper<User> USER = (rs, ctx) -> new User(
            rs.getString("id"),
            rs.getString("school_id"),
            rs.getString("email"),
            rs.getString("display_name"),
            Role.fromWireName(rs.getString("role")).orElseThrow(),
            rs.getString("password_hash"),
            rs.getBoolean("active"),
            rs.getBoolean("must_change_password"),
            SqlTimes.instant(rs, "created_at"),
            rs.getString("external_id"));

    private final Jdbi jdbi;

    public JdbiUsers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(User user) {
        jdbi.useHandle(h -> insert(h, user));
    }

    @Override
    public void insertAll(List<User> users) {
        jdbi.useTransaction(h -> users.forEach(user -> insert(h, user)));
    }

    private static void insert(Handle h, User user) {
        bindAll(h.createUpdate("""
                INSERT INTO users (id, school_id, email, display_name, role, password_hash, active,
                                   must_change_password, created_at, external_id)
                VALUES (:id, :schoolId, :email, :displayName, :role, :passwordHash, :active,
                        :mustChangePassword, :createdAt, :externalId)"""), user).execute();
    }

    @Override
    public void update(User user) {
        jdbi.useHandle(h -> bindAll(h.createUpdate("""
                UPDATE users SET school_id = :schoolId, email = :email, display_name = :displayName, role = :role,
                                 password_hash = :passwordHash, active = :active,
                                 must_change_password = :mustChangePassword, created_at = :createdAt,
                                 external_id = :externalId
                WHERE id = :id"""), user).execute());
    }

    @Override
    public Optional<User> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id")
                .bind("id", id).map(USER).findOne());
    }

    @Override
    public Optional<UserWithTokenVersion> findWithTokenVersion(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new UserWithTokenVersion(USER.map(rs, ctx), rs.getLong("token_version")))
                .findOne());
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE email = :email")
                .bind("email", email).map(USER).findOne());
    }

    @Override
    public Optional<User> findByExternalId(String externalId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE external_id = :externalId")
                .bind("externalId", externalId).map(USER).findOne());
    }

    @Override
    public List<User> list(String schoolId) {
        if (schoolId == null) {
            return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users ORDER BY email").map(USER).list());
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE school_id = :schoolId ORDER BY email")
                .bind("schoolId", schoolId).map(USER).list());
    }

    @Override
    public boolean anyWithRole(Role role) {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM users WHERE role = :role LIMIT 1")
                .bind("role", role.wireName()).mapTo(Integer.class).findOne().isPresent());
    }

    @Override
    public long tokenVersion(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT token_version FROM users WHERE id = :id")
                .bind("id", userId).mapTo(Long.class).findOne().orElse(0L));
    }

    @Override
    public void bumpTokenVersion(String userId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET token_version = token_version + 1 WHERE id = :id")
                .bind("id", userId).execute());
    }

    private static <S extends SqlStatement<S>> S bindAll(S statement, User user) {
        return statement
                .bind("id", user.id())
                .bind("schoolId", user.schoolId())
                .bind("email", user.email())
                .bind("displayName", user.displayName())
                .bind("role", user.role().wireName())
                .bind("passwordHash", user.passwordHash())
                .bind("active", user.active())
                .bind("mustChangePassword", user.mustChangePassword())
                .bind("createdAt", SqlTimes.utc(user.createdAt()))
                .bind("externalId", user.externalId());
    }
}
