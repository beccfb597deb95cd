package org.classreflect.worker.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts reference and engine text in one form before they are compared, so WER counts wrong words and not style:
 * lower case, no punctuation (hyphens split words, inner apostrophes stay), titles spelled out ("Mr." is "mister"),
 * and digits as words ("42" is "forty two").
 */
final class TextNormalizer {

    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "mr", "mister", "mrs", "missus", "ms", "miss", "dr", "doctor", "st", "saint");
    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"};

    private TextNormalizer() {
    }

    static List<String> words(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT)
                .replaceAll("[\\-\\u2013\\u2014/]", " ")
                .replaceAll("[^\\p{L}\\p{N}' ]", " ");
        List<String> words = new ArrayList<>();
        for (String token : cleaned.trim().split("\\s+")) {
            String word = token.replaceAll("^'+|'+$", "");
            if (word.isEmpty()) {
                continue;
            }
            if (word.chars().allMatch(Character::isDigit) && word.length() <= 9) {
                words.addAll(List.of(spell(Integer.parseInt(word)).split(" ")));
            } else {
                words.add(ABBREVIATIONS.getOrDefault(word, word));
            }
        }
        return words;
    }

    /** 0 to 999,999,999 in words, e.g. 1961 is "one thousand nine hundred sixty one". */
    static String spell(int n) {
        if (n < 20) {
            return ONES[n];
        }
        if (n < 100) {
            return TENS[n / 10] + (n % 10 == 0 ? "" : " " + ONES[n % 10]);
        }
        if (n < 1000) {
            return ONES[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + spell(n % 100));
        }
        if (n < 1_000_000) {
            return spell(n / 1000) + " thousand" + (n % 1000 == 0 ? "" : " " + spell(n % 1000));
        }
        return spell(n / 1_000_000) + " million" + (n % 1_000_000 == 0 ? "" : " " + spell(n % 1_000_000));
    }
}
