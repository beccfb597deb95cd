package org.classreflect.adapters.sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classreflect.core.accesslog.AccessAction;
import org.classreflect.core.accesslog.AccessEntry;
import org.classreflect.core.accesslog.AccessLog;
import org.classreflect.core.accesslog.AccessLogQuery;
import org.classreflect.core.accesslog.TargetKind;
import org.classreflect.core.common.Page;
import org.classreflect.core.school.Role;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The access log in the {@code access_log} table (V16): inserted and aged out, never updated. */
public final class JdbiAccessLog implements AccessLog {

    private static final RowMapper<AccessEntry> ENTRY = (rs, ctx) -> new AccessEntry(
            rs.getString("id"),
            SqlTimes.instant(rs, "occurred_at"),
            rs.getString("actor_id"),
            Role.fromWireName(rs.getString("actor_role")).orElse(null),
            rs.getString("actor_school_id"),
            AccessAction.fromWireName(rs.getString("action")).orElseThrow(),
            TargetKind.fromWireName(rs.getString("target_kind")).orElseThrow(),
            rs.getString("target_id"),
            rs.getString("school_id"),
            rs.getString("teacher_id"),
            rs.getString("from_address"),
            rs.getString("detail"));

    /** Stored for an entry without a role (a failed sign-in): the column predates such entries and is NOT NULL. */
    private static final String NO_ROLE = "";

    private final Jdbi jdbi;

    public JdbiAccessLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void append(AccessEntry e) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO access_log (id, occurred_at, actor_id, actor_role, actor_school_id, action,
                                                target_kind, target_id, school_id, teacher_id, from_address, detail)
                        VALUES (:id, :at, :actorId, :actorRole, :actorSchoolId, :action, :targetKind, :targetId,
                                :schoolId, :teacherId, :from, :detail)
                        ON DUPLICATE KEY UPDATE id = id""")
                .bind("id", e.id())
                .bind("at", SqlTimes.utc(e.at()))
                .bind("actorId", e.actorId())
                .bind("actorRole", e.actorRole() == null ? NO_ROLE : e.actorRole().wireName())
                .bind("actorSchoolId", e.actorSchoolId())
                .bind("action", e.action().wireName())
                .bind("targetKind", e.targetKind().wireName())
                .bind("targetId", e.targetId())
                .bind("schoolId", e.schoolId())
                .bind("teacherId", e.teacherId())
                .bind("from", e.fromAddress())
                .bind("detail", e.detail())
                .execute());
    }

    @Override
    public Page<AccessEntry> find(AccessLogQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        equal(conditions, params, "school_id", q.schoolId());
        equal(conditions, params, "teacher_id", q.teacherId());
        equal(conditions, params, "actor_id", q.actorId());
        equal(conditions, params, "action", q.action() == null ? null : q.action().wireName());
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        int offset = q.page().offset();
        int limit = q.page().limit();
        return jdbi.inTransaction(h -> {
            var count = h.createQuery("SELECT COUNT(*) FROM access_log" + where + range(q, where));
            var select = h.createQuery("SELECT * FROM access_log" + where + range(q, where)
                    + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset");
            count.bindMap(params);
            select.bindMap(params);
            if (q.from() != null) {
                count.bind("from", SqlTimes.utc(q.from()));
                select.bind("from", SqlTimes.utc(q.from()));
            }
            if (q.to() != null) {
                count.bind("to", SqlTimes.utc(q.to()));
                select.bind("to", SqlTimes.utc(q.to()));
            }
            long total = count.mapTo(Long.class).one();
            List<AccessEntry> items = select.bind("limit", limit).bind("offset", offset).map(ENTRY).list();
            return new Page<>(items, total, offset, limit);
        });
    }

    private static void equal(List<String> conditions, Map<String, Object> params, String column, String value) {
        if (value != null) {
            conditions.add(column + " = :" + column);
            params.put(column, value);
        }
    }

    private static String range(AccessLogQuery q, String where) {
        List<String> parts = new ArrayList<>();
        if (q.from() != null) {
            parts.add("occurred_at >= :from");
        }
        if (q.to() != null) {
            parts.add("occurred_at < :to");
        }
        if (parts.isEmpty()) {
            return "";
        }
        return (where.isEmpty() ? " WHERE " : " AND ") + String.join(" AND ", parts);
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM access_log WHERE occurred_at < :cutoff")
                .bind("cutoff", SqlTimes.utc(cutoff)).execute());
    }
}
