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
 * case, accents removed; words of more than {@value #MAX_LENGTH} characters and InnoDB's default stop words are not
 * words. Words of fewer than {@value #MIN_LENGTH} characters are not in a full-text index: a short query word (a
 * class such as "5B") is looked for in the titles only ({@link #isTitleOnly}).
 */
public final class SearchWords {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 84;
    /** Words a query uses at most; the rest are ignored (each costs an index lookup). */
    public static final int MAX_QUERY_WORDS = 8;

    /** InnoDB's default stop words (information_schema.INNODB_FT_DEFAULT_STOPWORD). */
    private static final Set<String> STOP_WORDS = Set.of("a", "about", "an", "are", "as", "at", "be", "by", "com",
            "de", "en", "for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this", "to",
            "was", "what", "when", "where", "who", "will", "with", "und", "www");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchWords() {
    }

    /** The distinct words of {@code text} that a full-text index holds, in order of first appearance. */
    public static Set<String> of(String text) {
        return words(text, MIN_LENGTH);
    }

    /** The distinct words of a title ({@code text}), short ones included, in order of first appearance. */
    public static Set<String> ofTitle(String text) {
        return words(text, 1);
    }

    /** The words a query looks for (at most {@value #MAX_QUERY_WORDS}); none when it has no word at all. */
    public static List<String> ofQuery(String text) {
        List<String> words = new ArrayList<>(ofTitle(text));
        return List.copyOf(words.subList(0, Math.min(words.size(), MAX_QUERY_WORDS)));
    }

    /** True when {@code queryWord} is too short for a full-text index: it is looked for in the titles only. */
    public static boolean isTitleOnly(String queryWord) {
        return queryWord.length() < MIN_LENGTH;
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

    private static Set<String> words(String text, int minLength) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        for (String part : SEPARATORS.split(plain(text))) {
            if (part.length() >= minLength && part.length() <= MAX_LENGTH && !STOP_WORDS.contains(part)) {
                words.add(part);
            }
        }
        return words;
    }

    private static String plain(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
