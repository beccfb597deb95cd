package org.classreflect.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Word and sentence splitting shared by the detectors. Words are lower case, without punctuation, apostrophes kept. */
final class Text {

    /** Tolerance for comparing times, so that thresholds do not flip on floating-point rounding. */
    static final double EPSILON = 1e-9;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");
    private static final Pattern EDGE_APOSTROPHES = Pattern.compile("^'+|'+$");

    private Text() {
    }

    static List<String> words(String text) {
        String normalised = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return Arrays.stream(NOT_WORD.split(normalised))
                .map(w -> EDGE_APOSTROPHES.matcher(w).replaceAll(""))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** Sentences as the engine punctuated them; an unpunctuated text is one sentence. */
    static List<String> sentences(String text) {
        List<String> result = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.strip())) {
            if (!s.isBlank()) {
                result.add(s.strip());
            }
        }
        return result;
    }

    static boolean isPunctuated(String text) {
        return text.chars().anyMatch(c -> c == '.' || c == '?' || c == '!');
    }

    /** How many times the phrase (already split into words) occurs in the words, without overlaps. */
    static int occurrences(List<String> words, List<String> phrase) {
        int count = 0;
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                count++;
                i += phrase.size() - 1;
            }
        }
        return count;
    }

    static String lastWords(String text, int n) {
        List<String> words = Arrays.stream(text.strip().split("\\s+")).toList();
        return String.join(" ", words.subList(Math.max(0, words.size() - n), words.size()));
    }
}
