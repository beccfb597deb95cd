package org.classreflect.adapters.sql;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.classreflect.core.common.Page;
import org.classreflect.core.recording.ListedRecording;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

public final class JdbiRecordings implements Recordings {

    static final RowMapper<Recording> RECORDING = (rs, ctx) -> new Recording(
            rs.getString("id"),
            rs.getString("school_id"),
            rs.getString("teacher_id"),
            new RecordingMetadata(rs.getString("class_name"), rs.getString("subject"), rs.getString("grade"),
                    rs.getString("notes"), rs.getString("lesson_name")),
            rs.getString("original_file_name"),
            rs.getString("content_type"),
            rs.getLong("size_bytes"),
            SqlTimes.nullableDouble(rs, "duration_seconds"),
            rs.getString("sha256"),
            RecordingStatus.fromWireName(rs.getString("status")).orElseThrow(),
            rs.getInt("progress_percent"),
            rs.getInt("attempts"),
            rs.getString("error_message"),
            SqlTimes.instant(rs, "created_at"),
            SqlTimes.instant(rs, "queued_at"),
            SqlTimes.instant(rs, "started_at"),
            SqlTimes.instant(rs, "finished_at"),
            SqlTimes.instant(rs, "audio_deleted_at"));

    private final Jdbi jdbi;

    public JdbiRecordings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Recording recording) {
        jdbi.useTransaction(h -> {
            bindAll(h.createUpdate("""
                INSERT INTO recordings (id, school_id, teacher_id, class_name, subject, grade, notes, lesson_name,
                    original_file_name, content_type, size_bytes, duration_seconds, sha256, status,
                    progress_percent, attempts, error_message, created_at, queued_at, started_at, finished_at,
                    audio_deleted_at, search_words)
                VALUES (:id, :schoolId, :teacherId, :className, :subject, :grade, :notes, :lessonName,
                    :originalFileName, :contentType, :sizeBytes, :durationSeconds, :sha256, :status,
                    :progressPercent, :attempts, :errorMessage, :createdAt, :queuedAt, :startedAt, :finishedAt,
                    :audioDeletedAt, :searchWords)"""), recording).execute();
            SearchPostings.added(h, recording.id());
        });
    }

    @Override
    public Optional<Recording> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM recordings WHERE id = :id")
                .bind("id", id).map(RECORDING).findOne());
    }

    @Override
    public boolean update(Recording recording, RecordingStatus expected) {
        return jdbi.inTransaction(h -> SearchPostings.around(h, recording.id(), w -> bindAll(w.createUpdate("""
                UPDATE recordings SET school_id = :schoolId, teacher_id = :teacherId, class_name = :className,
                    subject = :subject, grade = :grade, notes = :notes, lesson_name = :lessonName,
                    original_file_name = :originalFileName,
                    content_type = :contentType, size_bytes = :sizeBytes, duration_seconds = :durationSeconds,
                    sha256 = :sha256, status = :status, progress_percent = :progressPercent, attempts = :attempts,
                    error_message = :errorMessage, created_at = :createdAt, queued_at = :queuedAt,
                    started_at = :startedAt, finished_at = :finishedAt, audio_deleted_at = :audioDeletedAt,
                    search_words = :searchWords
                WHERE id = :id AND status = :expected"""), recording)
                .bind("expected", expected.wireName())
                .execute() == 1));
    }

    @Override
    public void updateProgress(String id, int percent) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE recordings SET progress_percent = :percent WHERE id = :id AND status = :processing")
                .bind("percent", Math.max(0, Math.min(100, percent)))
                .bind("id", id)
                .bind("processing", RecordingStatus.PROCESSING.wireName())
                .execute());
    }

    /** Leaves a tombstone for {@link JdbiRecordingChanges} and removes the search postings, in the same transaction. */
    @Override
    public void delete(String id) {
        jdbi.useTransaction(h -> SearchPostings.around(h, id, w -> {
            w.createUpdate("""
                    INSERT INTO recording_deletions (recording_id, school_id, teacher_id)
                    SELECT id, school_id, teacher_id FROM recordings WHERE id = :id""").bind("id", id).execute();
            return w.createUpdate("DELETE FROM recordings WHERE id = :id").bind("id", id).execute();
        }));
    }

    @Override
    public Page<ListedRecording> list(RecordingQuery query) {
        if (query.search().text() != null) {
            throw new IllegalArgumentException("a text search is RecordingTextSearch's");
        }
        return new RecordingQuerySql(query).page(jdbi);
    }

    @Override
    public List<Recording> findByStatus(Set<RecordingStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<String> names = statuses.stream().map(RecordingStatus::wireName).toList();
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM recordings WHERE status IN (<statuses>) ORDER BY created_at, id")
                .bindList("statuses", names).map(RECORDING).list());
    }

    @Override
    public List<Recording> findAudioToPurge(String schoolId, Instant cutoff) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM recordings
                        WHERE school_id = :school AND status = :completed AND audio_deleted_at IS NULL
                          AND finished_at < :cutoff
                        ORDER BY finished_at, id""")
                .bind("school", schoolId)
                .bind("completed", RecordingStatus.COMPLETED.wireName())
                .bind("cutoff", SqlTimes.utc(cutoff))
                .map(RECORDING).list());
    }

    @Override
    public List<Recording> findStaleUploads(Instant cutoff) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM recordings WHERE status = :uploading AND created_at < :cutoff
                        ORDER BY created_at, id""")
                .bind("uploading", RecordingStatus.UPLOADING.wireName())
                .bind("cutoff", SqlTimes.utc(cutoff))
                .map(RECORDING).list());
    }

    /** A recording's audio key is its id ({@link Recording#audioKey()}), so this looks the keys up by primary key. */
    @Override
    public Set<String> namingAudio(Collection<String> audioKeys) {
        if (audioKeys.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM recordings WHERE id IN (<keys>)")
                .bindList("keys", List.copyOf(audioKeys)).mapTo(String.class).set());
    }

    private static <S extends SqlStatement<S>> S bindAll(S statement, Recording r) {
        return statement
                .bind("id", r.id())
                .bind("schoolId", r.schoolId())
                .bind("teacherId", r.teacherId())
                .bind("className", r.metadata().className())
                .bind("subject", r.metadata().subject())
                .bind("grade", r.metadata().grade())
                .bind("notes", r.metadata().notes())
                .bind("lessonName", r.metadata().lessonName())
                .bind("originalFileName", r.originalFileName())
                .bind("contentType", r.contentType())
                .bind("sizeBytes", r.sizeBytes())
                .bind("durationSeconds", r.durationSeconds())
                .bind("sha256", r.sha256())
                .bind("status", r.status().wireName())
                .bind("progressPercent", r.progressPercent())
                .bind("attempts", r.attempts())
                .bind("errorMessage", r.errorMessage())
                .bind("createdAt", SqlTimes.utc(r.createdAt()))
                .bind("queuedAt", SqlTimes.utc(r.queuedAt()))
                .bind("startedAt", SqlTimes.utc(r.startedAt()))
                .bind("finishedAt", SqlTimes.utc(r.finishedAt()))
                .bind("audioDeletedAt", SqlTimes.utc(r.audioDeletedAt()))
                .bind("searchWords", SearchWordLists.ofTitles(r));
    }
}
