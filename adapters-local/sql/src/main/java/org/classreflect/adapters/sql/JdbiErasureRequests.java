package org.classreflect.adapters.sql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.classreflect.core.erasure.ErasureKind;
import org.classreflect.core.erasure.ErasureReceipt;
import org.classreflect.core.erasure.ErasureRequest;
import org.classreflect.core.erasure.ErasureRequests;
import org.classreflect.core.school.Role;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Erasure requests in the {@code erasure_requests} table (V17). */
public final class JdbiErasureRequests implements ErasureRequests {

    private static final RowMapper<ErasureRequest> REQUEST = (rs, ctx) -> new ErasureRequest(
            rs.getString("id"),
            ErasureKind.fromWireName(rs.getString("kind")).orElseThrow(),
            rs.getString("subject_id"),
            rs.getString("school_id"),
            rs.getString("requested_by"),
            Role.fromWireName(rs.getString("requested_by_role")).orElseThrow(),
            SqlTimes.instant(rs, "requested_at"),
            rs.getBoolean("receipt_taken") ? new ErasureReceipt(rs.getInt("receipt_users"),
                    rs.getInt("receipt_recordings"), rs.getInt("receipt_audio_files"),
                    rs.getInt("receipt_transcripts"), rs.getInt("receipt_analyses"),
                    rs.getInt("receipt_api_tokens"), rs.getInt("receipt_templates")) : null,
            SqlTimes.instant(rs, "completed_at"));

    private final Jdbi jdbi;

    public JdbiErasureRequests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(ErasureRequest r) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO erasure_requests (id, kind, subject_id, school_id, requested_by,
                                                      requested_by_role, requested_at, completed_at)
                        VALUES (:id, :kind, :subjectId, :schoolId, :requestedBy, :role, :requestedAt, :completedAt)""")
                .bind("id", r.id())
                .bind("kind", r.kind().wireName())
                .bind("subjectId", r.subjectId())
                .bind("schoolId", r.schoolId())
                .bind("requestedBy", r.requestedBy())
                .bind("role", r.requestedByRole().wireName())
                .bind("requestedAt", SqlTimes.utc(r.requestedAt()))
                .bind("completedAt", SqlTimes.utc(r.completedAt()))
                .execute());
        if (r.receipt() != null) {
            recordReceipt(r.id(), r.receipt());
        }
    }

    @Override
    public Optional<ErasureRequest> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM erasure_requests WHERE id = :id").bind("id", id)
                .map(REQUEST).findOne());
    }

    @Override
    public List<ErasureRequest> listUnfinished() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM erasure_requests WHERE completed_at IS NULL ORDER BY requested_at, id")
                .map(REQUEST).list());
    }

    @Override
    public List<ErasureRequest> list(String schoolId) {
        String order = " ORDER BY requested_at DESC, id DESC";
        if (schoolId == null) {
            return jdbi.withHandle(h -> h.createQuery("SELECT * FROM erasure_requests" + order).map(REQUEST).list());
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM erasure_requests WHERE school_id = :schoolId" + order)
                .bind("schoolId", schoolId).map(REQUEST).list());
    }

    @Override
    public boolean recordReceipt(String id, ErasureReceipt receipt) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE erasure_requests SET receipt_taken = TRUE, receipt_users = :users,
                            receipt_recordings = :recordings, receipt_audio_files = :audio,
                            receipt_transcripts = :transcripts, receipt_analyses = :analyses,
                            receipt_api_tokens = :tokens, receipt_templates = :templates
                        WHERE id = :id AND receipt_taken = FALSE""")
                .bind("id", id)
                .bind("users", receipt.users())
                .bind("recordings", receipt.recordings())
                .bind("audio", receipt.audioFiles())
                .bind("transcripts", receipt.transcripts())
                .bind("analyses", receipt.analyses())
                .bind("tokens", receipt.apiTokens())
                .bind("templates", receipt.templates())
                .execute()) > 0;
    }

    @Override
    public void markCompleted(String id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE erasure_requests SET completed_at = :at WHERE id = :id AND completed_at IS NULL")
                .bind("id", id).bind("at", SqlTimes.utc(at)).execute());
    }
}
