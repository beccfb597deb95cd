package org.classreflect.core.inmemory;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;

/**
 * Which recordings a {@link RecordingQuery} selects, as the SQL store's WHERE clause does: the scope, the teacher and
 * status filters, and the search. Text matches, case-insensitively, a part of the class name, subject, file name,
 * notes or transcript (wildcards taken literally); the subject matches whole, case-insensitively; uploads count from
 * {@code from} inclusive to {@code to} exclusive. Used while holding the store lock (it reads transcripts).
 */
final class RecordingFilter implements Predicate<Recording> {

    private final RecordingQuery query;
    private final InMemoryTranscripts transcripts;
    private final String text;
    private final String subject;
    private final Instant from;
    private final Instant to;

    RecordingFilter(RecordingQuery query, InMemoryTranscripts transcripts) {
        this.query = query;
        this.transcripts = transcripts;
        RecordingSearch search = query.search();
        this.text = lowerCase(search.text());
        this.subject = lowerCase(search.subject());
        this.from = Millis.of(search.from());
        this.to = Millis.of(search.to());
    }

    @Override
    public boolean test(Recording r) {
        return query.scope().includes(r.schoolId(), r.teacherId())
                && (query.teacherId() == null || query.teacherId().equals(r.teacherId()))
                && (query.statuses().isEmpty() || query.statuses().contains(r.status()))
                && (text == null || containsText(r))
                && (subject == null || subject.equals(lowerCase(r.metadata().subject())))
                && (from == null || !r.createdAt().isBefore(from))
                && (to == null || r.createdAt().isBefore(to));
    }

    private boolean containsText(Recording r) {
        return contains(r.metadata().className()) || contains(r.metadata().subject())
                || contains(r.originalFileName()) || contains(r.metadata().notes())
                || contains(transcripts.textOf(r.id()));
    }

    private boolean contains(String value) {
        return value != null && lowerCase(value).contains(text);
    }

    private static String lowerCase(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
