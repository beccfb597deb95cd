package org.classreflect.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts an utterance at given times (where the voice changes inside it). An utterance carries no word times, so each
 * word is placed in proportion to the characters before it over the speech the parts hold (not their clock time,
 * whose pauses hold no words), and goes to the part holding its middle with the engine's confidence in it; a part may
 * be left without words, its time still counted. As speakers differ in pace, that place may be a few words off, so a
 * cut moves, by at most {@link #MAX_SNAP_WORDS}, to where the words say a turn may change: after a sentence's end mark
 * or a negative tag ("doesn't it"), or before an answer ("yes", "no").
 */
public final class UtteranceCuts {

    static final int MAX_SNAP_WORDS = 3;
    private static final Set<String> ANSWER = Set.of("yes", "no", "yeah");

    private UtteranceCuts() {
    }

    /**
     * The parts of {@code u} between the given times, which must lie inside it in increasing order; {@code speech}
     * holds how much speech each part holds, in any unit (when all are zero, the parts' durations are taken).
     */
    public static List<Utterance> cut(Utterance u, List<Double> times, List<Double> speech) {
        double previous = u.start();
        for (double t : times) {
            if (t <= previous || t >= u.end()) {
                throw new IllegalArgumentException("cut times must increase strictly inside the utterance");
            }
            previous = t;
        }
        if (speech.size() != times.size() + 1 || speech.stream().anyMatch(s -> !(s >= 0))) {
            throw new IllegalArgumentException("one amount of speech, not negative, is needed per part");
        }
        List<String> words = u.text().isBlank() ? List.of() : List.of(u.text().strip().split("\\s+"));
        int[] firstWords = firstWords(words, partEnds(u, times, speech));
        List<Utterance> parts = new ArrayList<>();
        int counted = 0;
        for (int p = 0; p <= times.size(); p++) {
            List<String> its = words.subList(p == 0 ? 0 : firstWords[p - 1],
                    p == times.size() ? words.size() : firstWords[p]);
            int counts = Text.words(String.join(" ", its)).size(); // a token may hold none or several ("well-known")
            parts.add(new Utterance(p == 0 ? u.start() : times.get(p - 1),
                    p == times.size() ? u.end() : times.get(p), String.join(" ", its),
                    u.wordConfidences().subList(counted, counted + counts)));
            counted += counts;
        }
        return List.copyOf(parts);
    }

    /** For each cut, the index of the first word after it: placed by characters, then moved to a turn's edge. */
    private static int[] firstWords(List<String> words, double[] ends) {
        int characters = words.stream().mapToInt(String::length).sum();
        int[] placed = new int[ends.length - 1];
        int before = 0;
        for (int w = 0; w < words.size(); w++) {
            double middle = (before + words.get(w).length() / 2.0) / characters;
            before += words.get(w).length();
            for (int p = 0; p < placed.length; p++) {
                placed[p] += middle < ends[p] ? 1 : 0;
            }
        }
        int[] snapped = new int[placed.length];
        for (int p = 0; p < placed.length; p++) {
            int earliest = p == 0 ? 0 : snapped[p - 1];
            snapped[p] = Math.max(placed[p], earliest);
            int low = Math.max(Math.max(1, earliest), placed[p] - MAX_SNAP_WORDS);
            int high = Math.min(words.size() - 1, placed[p] + MAX_SNAP_WORDS);
            for (int d = 0; d <= MAX_SNAP_WORDS; d++) {
                if (placed[p] - d >= low && turnMayChange(words, placed[p] - d)) {
                    snapped[p] = placed[p] - d;
                    break;
                }
                if (placed[p] + d <= high && turnMayChange(words, placed[p] + d)) {
                    snapped[p] = placed[p] + d;
                    break;
                }
            }
        }
        return snapped;
    }

    /** Whether the words say a turn may change before word {@code at}. */
    private static boolean turnMayChange(List<String> words, int at) {
        String before = words.get(at - 1);
        List<String> next = Text.words(words.get(at));
        return before.endsWith(".") || before.endsWith("?") || before.endsWith("!")
                || !next.isEmpty() && ANSWER.contains(next.get(0))
                || at >= 2 && AskingCues.isNegativeTag(lastWord(words.get(at - 2)), lastWord(before));
    }

    private static String lastWord(String token) {
        List<String> words = Text.words(token);
        return words.isEmpty() ? "" : words.get(words.size() - 1);
    }

    /** Where each part ends, as a share of the utterance's speech. */
    private static double[] partEnds(Utterance u, List<Double> times, List<Double> speech) {
        double total = speech.stream().mapToDouble(Double::doubleValue).sum();
        double[] ends = new double[speech.size()];
        double sum = 0;
        for (int p = 0; p < speech.size(); p++) {
            if (total > 0) {
                sum += speech.get(p) / total;
            } else {
                sum = ((p == times.size() ? u.end() : times.get(p)) - u.start()) / u.seconds();
            }
            ends[p] = sum;
        }
        return ends;
    }
}
