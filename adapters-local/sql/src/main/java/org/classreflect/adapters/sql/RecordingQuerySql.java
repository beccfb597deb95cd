package org.classreflect.adapters.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.classreflect.core.common.Page;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.recording.RecordingStatus;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link RecordingQuery} as one page of SQL, newest first, with its count: the scope, teacher, status, subject and
 * date filters, plus whatever conditions a caller adds (the text search's). The count reads the same index as the
 * page and no other table unless a condition does.
 */
final class RecordingQuerySql {

    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC";

    private final Map<String, Object> params = new LinkedHashMap<>();
    private final List<String> conditions = new ArrayList<>();
    private final RecordingQuery query;

    RecordingQuerySql(RecordingQuery query) {
        this.query = query;
        addCondition("school_id", "scopeSchool", query.scope().schoolId());
        addCondition("teacher_id", "scopeTeacher", query.scope().teacherId());
        addCondition("teacher_id", "teacher", query.teacherId());
        addStatuses(query.statuses());
        addFilters(query.search());
    }

    /** A condition on table {@code recordings}, with its named parameters. */
    RecordingQuerySql where(String condition, Map<String, ?> conditionParams) {
        conditions.add(condition);
        params.putAll(conditionParams);
        return this;
    }

    Page<Recording> page(Jdbi jdbi) {
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        int offset = query.page().offset();
        int limit = query.page().limit();
        return jdbi.inTransaction(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM recordings" + where)
                    .bindMap(params).mapTo(Long.class).one();
            List<Recording> items = h.createQuery(
                            "SELECT * FROM recordings" + where + NEWEST_FIRST + " LIMIT :limit OFFSET :offset")
                    .bindMap(params).bind("limit", limit).bind("offset", offset)
                    .map(JdbiRecordings.RECORDING).list();
            return new Page<>(items, total, offset, limit);
        });
    }

    private void addFilters(RecordingSearch search) {
        if (search.subject() != null) {
            conditions.add("LOWER(subject) = :subject");
            params.put("subject", search.subject().toLowerCase(Locale.ROOT));
        }
        if (search.from() != null) {
            conditions.add("created_at >= :from");
            params.put("from", SqlTimes.utc(search.from()));
        }
        if (search.to() != null) {
            conditions.add("created_at < :to");
            params.put("to", SqlTimes.utc(search.to()));
        }
    }

    /** Sorted, so one set of statuses always gives the same SQL text. */
    private void addStatuses(Set<RecordingStatus> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        List<String> names = statuses.stream().map(RecordingStatus::wireName).sorted().toList();
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            placeholders.add(":status" + i);
            params.put("status" + i, names.get(i));
        }
        conditions.add("status IN (" + String.join(", ", placeholders) + ")");
    }

    private void addCondition(String column, String param, String value) {
        if (value != null) {
            conditions.add(column + " = :" + param);
            params.put(param, value);
        }
    }
}
