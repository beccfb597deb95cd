package org.classreflect.core.recording;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What counts as a word for search, in one place for every search adapter. The rules are those of a MySQL/InnoDB
 * full-text index with its defaults, so every adapter finds the same recordings: runs of letters and digits, lower
 * case, accents removed; words of fewer than {@value #MIN_LENGTH} or more than {@value #MAX_LENGTH} characters and
 * InnoDB's default stop words are not words.
 */
public final class SearchWords {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 84;
    /** Words a query uses at most; the rest are ignored (each costs an index lookup). */
    public static final int MAX_QUERY_WORDS = 8;

    /** InnoDB's default stop words (information_schema.INNODB_FT_DEFAULT_STOPWORD) that are long enough to count. */
    private static final Set<String> STOP_WORDS = Set.of("about", "are", "com", "for", "from", "how", "that", "the",
            "this", "was", "what", "when", "where", "who", "will", "with", "und", "www");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchWords() {
    }

    /** The distinct words of {@code text}, in order of first appearance. */
    public static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        for (String part : SEPARATORS.split(plain(text))) {
            if (part.length() >= MIN_LENGTH && part.length() <= MAX_LENGTH && !STOP_WORDS.contains(part)) {
                words.add(part);
            }
        }
        return words;
    }

    /** The words a query looks for (at most {@value #MAX_QUERY_WORDS}); none when it has no word at all. */
    public static List<String> ofQuery(String text) {
        List<String> words = new ArrayList<>(of(text));
        return List.copyOf(words.subList(0, Math.min(words.size(), MAX_QUERY_WORDS)));
    }

    /** True when a word of {@code text} begins with {@code queryWord}. */
    public static boolean anyBeginsWith(Set<String> words, String queryWord) {
        for (String word : words) {
            if (word.startsWith(queryWord)) {
                return true;
            }
        }
        return false;
    }

    private static String plain(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
