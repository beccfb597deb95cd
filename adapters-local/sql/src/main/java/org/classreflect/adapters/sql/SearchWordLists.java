package org.classreflect.adapters.sql;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.SearchWords;

/**
 * The word lists (V21, {@code recordings.search_words} and {@code transcript_search_words}): a recording's title words
 * and a transcript's words as {@link SearchWords}
 * finds them, distinct, each after a space, so that {@code LIKE '% word%'} on the column is exactly "a word begins
 * with word". Read row by row by {@link JdbiRecordingTextSearch} where a scope is small enough to scan, and the
 * source of the word index's rows ({@link SearchPostings}).
 */
final class SearchWordLists {

    private SearchWordLists() {
    }

    static String ofTitles(Recording r) {
        return ofTitles(Stream.of(r.metadata().className(), r.metadata().subject(), r.originalFileName(),
                r.metadata().notes(), r.metadata().lessonName()).filter(Objects::nonNull)
                .collect(Collectors.joining(" ")));
    }

    /** {@code titles}: the title columns' text, joined. */
    static String ofTitles(String titles) {
        return spaced(SearchWords.ofTitle(titles));
    }

    static String ofTranscript(String text) {
        return spaced(SearchWords.of(text));
    }

    /** The words of a list ({@code null}: none). */
    static List<String> wordsOf(String list) {
        return list == null ? List.of() : Arrays.stream(list.split(" ")).filter(w -> !w.isEmpty()).toList();
    }

    /** The LIKE pattern for a row whose list has a word that begins with {@code queryWord}. */
    static String pattern(String queryWord) {
        return "% " + queryWord + "%";
    }

    private static String spaced(Set<String> words) {
        return words.stream().map(w -> " " + w).collect(Collectors.joining()) + " ";
    }
}
