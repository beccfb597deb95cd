package org.classreflect.core.inmemory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.recording.SearchWords;

/**
 * Which recordings a {@link RecordingQuery} selects, as the SQL store's WHERE clause does: the scope, the teacher and
 * status filters, and the search. Text matches when each of its {@link SearchWords} begins a word of the class name,
 * subject, file name, notes, lesson name or transcript (a short word: of those titles only); the subject matches whole, case-insensitively; uploads count from
 * {@code from} inclusive to {@code to} exclusive. Used while holding the store lock (it reads transcripts).
 */
final class RecordingFilter implements Predicate<Recording> {

    private final RecordingQuery query;
    private final InMemoryTranscripts transcripts;
    private final List<String> queryWords;
    private final String subject;
    private final Instant from;
    private final Instant to;

    RecordingFilter(RecordingQuery query, InMemoryTranscripts transcripts) {
        this.query = query;
        this.transcripts = transcripts;
        RecordingSearch search = query.search();
        this.queryWords = search.text() == null ? null : SearchWords.ofQuery(search.text());
        this.subject = lowerCase(search.subject());
        this.from = Millis.of(search.from());
        this.to = Millis.of(search.to());
    }

    @Override
    public boolean test(Recording r) {
        return query.scope().includes(r.schoolId(), r.teacherId())
                && (query.teacherId() == null || query.teacherId().equals(r.teacherId()))
                && (query.statuses().isEmpty() || query.statuses().contains(r.status()))
                && (queryWords == null || containsEveryWord(r))
                && (subject == null || subject.equals(lowerCase(r.metadata().subject())))
                && (from == null || !r.createdAt().isBefore(from))
                && (to == null || r.createdAt().isBefore(to));
    }

    private boolean containsEveryWord(Recording r) {
        if (queryWords.isEmpty()) {
            return false;
        }
        Set<String> titleWords = SearchWords.ofTitle(Stream.of(r.metadata().className(), r.metadata().subject(),
                r.originalFileName(), r.metadata().notes(), r.metadata().lessonName())
                .filter(Objects::nonNull).collect(Collectors.joining(" ")));
        Set<String> transcriptWords = SearchWords.of(transcripts.textOf(r.id()));
        return queryWords.stream().allMatch(q -> SearchWords.anyBeginsWith(titleWords, q)
                || !SearchWords.isTitleOnly(q) && SearchWords.anyBeginsWith(transcriptWords, q));
    }

    private static String lowerCase(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
