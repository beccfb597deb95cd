package org.classreflect.adapters.sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.classreflect.core.common.Page;
import org.classreflect.core.recording.ListedRecording;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.recording.RecordingStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * A {@link RecordingQuery} as one page of SQL, newest first, with its count: the scope, teacher, status, subject and
 * date filters, plus whatever conditions or joins a caller adds (the text search's). The count reads the same index as the
 * page and no other table unless a condition does (checked by RecordingQueryPlansTest).
 */
final class RecordingQuerySql {

    /** The page's teachers' names, read with the page: one primary-key lookup per row. */
    private static final String TEACHER_NAME = " LEFT JOIN users teacher ON teacher.id = recordings.teacher_id";
    private static final String LISTED_COLUMNS = "recordings.*, teacher.display_name AS teacher_name";
    private static final RowMapper<ListedRecording> LISTED = (rs, ctx) ->
            new ListedRecording(JdbiRecordings.RECORDING.map(rs, ctx), rs.getString("teacher_name"));
    private static final RowMapper<Position> POSITION =
            (rs, ctx) -> new Position(SqlTimes.instant(rs, "created_at"), rs.getString("id"));

    private final Map<String, Object> params = new LinkedHashMap<>();
    private final List<String> conditions = new ArrayList<>();
    private final List<String> joins = new ArrayList<>();
    private final List<String> alongside = new ArrayList<>();
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

    /**
     * A join that narrows the recordings (its columns must not share a name with theirs), with its parameters. The
     * joined rows then lead and the listing index is not imposed: with it, MariaDB read the school's rows in order
     * and scanned the whole joined set for each one (6 s for a manager's search at 2,000 recordings).
     */
    RecordingQuerySql join(String join, Map<String, ?> joinParams) {
        joins.add(join);
        params.putAll(joinParams);
        return this;
    }

    /**
     * A join that only reads along (one row or none per recording, such as the transcript): the listing's index and
     * order stay.
     */
    RecordingQuerySql readAlong(String join) {
        alongside.add(join);
        return this;
    }

    /** The newest-first position ({@code created_at}, {@code id}) of the {@code n}th match, if there are that many. */
    Optional<Position> nth(Jdbi jdbi, int n) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("skip", n - 1);
        return jdbi.withHandle(h -> h.createQuery("SELECT recordings.created_at, recordings.id" + from() + newestFirst()
                        + " LIMIT 1 OFFSET :skip").bindMap(all).map(POSITION).findOne());
    }

    /**
     * The matches among the recordings of these {@code search_key}s ({@link SearchPostings}), found by that key, not
     * by the listing's index.
     */
    List<Position> amongSearchKeys(Handle handle, List<Long> keys) {
        return handle.createQuery(amongSearchKeysSql()).bindMap(params).bindList("keys", keys).map(POSITION).list();
    }

    String amongSearchKeysSql() {
        return "SELECT recordings.created_at, recordings.id FROM recordings WHERE recordings.search_key IN (<keys>)"
                + conditions.stream().map(c -> " AND " + c).collect(Collectors.joining());
    }

    /** Only the matches at {@code position} or newer. */
    RecordingQuerySql atOrNewerThan(Position position) {
        return where("(recordings.created_at > :edgeAt"
                + " OR (recordings.created_at = :edgeAt AND recordings.id >= :edgeId))", Map.of("edgeAt", SqlTimes.utc(position.createdAt()), "edgeId", position.id()));
    }

    /** Only the matches older than {@code position}. */
    RecordingQuerySql olderThan(Position position) {
        return where("(recordings.created_at < :olderAt"
                + " OR (recordings.created_at = :olderAt AND recordings.id < :olderId))",
                Map.of("olderAt", SqlTimes.utc(position.createdAt()), "olderId", position.id()));
    }

    record Position(Instant createdAt, String id) {
    }

    /**
     * The ids of the first {@code most} matches, newest first: one read of each row the conditions check, for
     * conditions that cost per row (the word lists), which {@link #page} would read twice, to count and for the page.
     */
    List<String> matchingIds(Jdbi jdbi, long most) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("most", most);
        return jdbi.withHandle(h -> h.createQuery("SELECT recordings.id" + from() + newestFirst() + " LIMIT :most")
                .bindMap(all).mapTo(String.class).list());
    }

    /** The query's page of {@code matches} (ids, newest first, counted up to one past the count's limit). */
    static Page<ListedRecording> pageOf(Jdbi jdbi, RecordingQuery query, List<String> matches) {
        return pageOf(jdbi, query, matches, matches.size());
    }

    /** The query's page of {@code counted} matches whose first ones, at least up to the page's end, are {@code leading}. */
    static Page<ListedRecording> pageOf(Jdbi jdbi, RecordingQuery query, List<String> leading, long counted) {
        int from = (int) Math.min(query.page().offset(), leading.size());
        List<String> ids = leading.subList(from, (int) Math.min((long) from + query.page().limit(), leading.size()));
        if (ids.isEmpty()) {
            return query.page(List.of(), counted);
        }
        Map<String, ListedRecording> byId = jdbi.withHandle(h -> h.createQuery("SELECT " + LISTED_COLUMNS
                        + " FROM recordings" + TEACHER_NAME + " WHERE recordings.id IN (<ids>)")
                .bindList("ids", ids).map(LISTED).list()).stream()
                .collect(Collectors.toMap(r -> r.recording().id(), r -> r));
        return query.page(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), counted);
    }

    /**
     * The page and its count from one statement, a consistent read without a transaction: the count rides along on
     * each row. Only a page past the last match needs the count on its own.
     */
    Page<ListedRecording> page(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            List<CountedRow> rows = h.createQuery(pageSql()).bindMap(pageParams())
                    .map((rs, ctx) -> new CountedRow(LISTED.map(rs, ctx), rs.getLong("counted")))
                    .list();
            if (!rows.isEmpty()) {
                return query.page(rows.stream().map(CountedRow::recording).toList(), rows.get(0).counted());
            }
            long counted = query.page().offset() == 0 ? 0
                    : h.createQuery(countSql()).bindMap(countParams()).mapTo(Long.class).one();
            return query.page(List.of(), counted);
        });
    }

    private record CountedRow(ListedRecording recording, long counted) {
    }

    /** A capped count stops reading matches one past the query's count limit. */
    String countSql() {
        return query.cappedCount() ? "SELECT COUNT(*) FROM (SELECT 1" + from() + " LIMIT :countLimit) counted"
                : "SELECT COUNT(*)" + from();
    }

    Map<String, Object> countParams() {
        Map<String, Object> all = new LinkedHashMap<>(params);
        if (query.cappedCount()) {
            all.put("countLimit", query.countLimit() + 1);
        }
        return all;
    }

    /** The page's rows, each with its teacher's name and the (capped) count of all matches as {@code counted}. */
    String pageSql() {
        return "SELECT " + LISTED_COLUMNS + ", (" + countSql() + ") AS counted FROM recordings" + indexHint() + joins()
                + TEACHER_NAME + where() + newestFirst() + " LIMIT :limit OFFSET :offset";
    }

    private String from() {
        return " FROM recordings" + indexHint() + joins() + where();
    }

    Map<String, Object> pageParams() {
        Map<String, Object> all = countParams();
        all.put("limit", query.page().limit());
        all.put("offset", query.page().offset());
        return all;
    }

    /**
     * A listing fixed to one teacher or one school reads that one's recordings from the index that holds them newest
     * first. H2 keeps an index of its own for each foreign key (teacher_id alone, school_id alone) and its planner
     * took it, reading and sorting every row of the teacher to give page 1; the hint (same syntax on MySQL) and the
     * fixed column leading the order make it read the first page's rows from the index in order.
     */
    private String indexHint() {
        String fixed = fixedColumn();
        return fixed == null || !joins.isEmpty() ? ""
                : " USE INDEX (ix_recordings_" + fixed.replace("_id", "") + "_created)";
    }

    private String newestFirst() {
        String fixed = fixedColumn();
        return " ORDER BY " + (fixed == null ? "" : "recordings." + fixed + " DESC, ")
                + "recordings.created_at DESC, recordings.id DESC";
    }

    private String fixedColumn() {
        if (query.teacherId() != null || query.scope().teacherId() != null) {
            return "teacher_id";
        }
        return query.scope().schoolId() != null ? "school_id" : null;
    }

    private String joins() {
        return Stream.concat(joins.stream(), alongside.stream()).map(j -> " " + j).collect(Collectors.joining());
    }

    private String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private void addFilters(RecordingSearch search) {
        if (search.subject() != null) {
            conditions.add("LOWER(recordings.subject) = :subject");
            params.put("subject", search.subject().toLowerCase(Locale.ROOT));
        }
        if (search.from() != null) {
            conditions.add("recordings.created_at >= :from");
            params.put("from", SqlTimes.utc(search.from()));
        }
        if (search.to() != null) {
            conditions.add("recordings.created_at < :to");
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
        conditions.add("recordings.status IN (" + String.join(", ", placeholders) + ")");
    }

    private void addCondition(String column, String param, String value) {
        if (value != null) {
            conditions.add("recordings." + column + " = :" + param);
            params.put(param, value);
        }
    }
}
