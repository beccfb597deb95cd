package org.classreflect.adapters.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Optional;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Transcripts;
import org.classreflect.core.transcript.Word;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Segments and words are kept as JSON text: they are only ever read whole, with their transcript. */
public final class JdbiTranscripts implements Transcripts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Segment>> SEGMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<Word>> WORDS = new TypeReference<>() {
    };

    private static final RowMapper<Transcript> TRANSCRIPT = (rs, ctx) -> new Transcript(
            rs.getString("recording_id"),
            rs.getString("text"),
            rs.getString("language"),
            rs.getString("engine"),
            rs.getString("model_id"),
            fromJson(rs.getString("segments"), SEGMENTS),
            fromJson(rs.getString("words"), WORDS),
            rs.getInt("word_count"),
            SqlTimes.nullableDouble(rs, "mean_confidence"),
            rs.getDouble("processing_seconds"),
            rs.getDouble("audio_seconds"),
            SqlTimes.instant(rs, "created_at"));

    private final Jdbi jdbi;
    /** The transcripts' word lists: read by MySQL's search only (H2 searches its word table). */
    private final boolean keepsWordLists;

    public JdbiTranscripts(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.keepsWordLists = SqlProduct.of(jdbi) == SqlProduct.MYSQL;
    }

    /**
     * In one transaction: the recording's row is locked ({@code FOR UPDATE}), so it cannot be deleted until the
     * transcript is committed (its deletion then removes the transcript too), and a row already gone means no save.
     * Then a plain insert whose duplicate-key error means "already there". {@code ON DUPLICATE KEY UPDATE} cannot tell
     * the two cases apart through Connector/J, which by default reports found rows, not changed rows.
     */
    @Override
    public boolean saveIfAbsent(Transcript t) {
        try {
            return jdbi.inTransaction(h -> {
                boolean recordingExists = h.createQuery("SELECT id FROM recordings WHERE id = :id FOR UPDATE")
                        .bind("id", t.recordingId()).mapTo(String.class).findOne().isPresent();
                if (!recordingExists) {
                    return false;
                }
                SearchPostings.around(h, t.recordingId(), w -> {
                    w.createUpdate("""
                                INSERT INTO transcripts (recording_id, text, language, engine, model_id, segments, words,
                                    word_count, mean_confidence, processing_seconds, audio_seconds, created_at)
                                VALUES (:recordingId, :text, :language, :engine, :modelId, :segments, :words,
                                    :wordCount, :meanConfidence, :processingSeconds, :audioSeconds, :createdAt)""")
                            .bind("recordingId", t.recordingId())
                            .bind("text", t.text())
                            .bind("language", t.language())
                            .bind("engine", t.engine())
                            .bind("modelId", t.modelId())
                            .bind("segments", toJson(t.segments()))
                            .bind("words", toJson(t.words()))
                            .bind("wordCount", t.wordCount())
                            .bind("meanConfidence", t.meanConfidence())
                            .bind("processingSeconds", t.processingSeconds())
                            .bind("audioSeconds", t.audioSeconds())
                            .bind("createdAt", SqlTimes.utc(t.createdAt()))
                            .execute();
                    if (keepsWordLists) {
                        w.createUpdate("INSERT INTO transcript_search_words (recording_id, search_words)"
                                + " VALUES (:id, :words)").bind("id", t.recordingId())
                                .bind("words", SearchWordLists.ofTranscript(t.text())).execute();
                    }
                    return null;
                });
                return true;
            });
        } catch (UnableToExecuteStatementException e) {
            if (isConstraintViolation(e) && find(t.recordingId()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Transcript> find(String recordingId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM transcripts WHERE recording_id = :id")
                .bind("id", recordingId).map(TRANSCRIPT).findOne());
    }

    @Override
    public void delete(String recordingId) {
        jdbi.useTransaction(h -> SearchPostings.around(h, recordingId, w -> {
            w.createUpdate("DELETE FROM transcripts WHERE recording_id = :id").bind("id", recordingId).execute();
            if (keepsWordLists) {
                w.createUpdate("DELETE FROM transcript_search_words WHERE recording_id = :id")
                        .bind("id", recordingId).execute();
            }
            return null;
        }));
    }

    private static boolean isConstraintViolation(UnableToExecuteStatementException e) {
        return e.getCause() instanceof SQLIntegrityConstraintViolationException;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static <T> T fromJson(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
