package org.classreflect.worker.accuracy;

import java.util.List;

/** Word error rate: the word-level Levenshtein distance (substitutions, deletions, insertions) per reference word. */
record WordErrorRate(int errors, int referenceWords) {

    static WordErrorRate of(List<String> reference, List<String> hypothesis) {
        int[] previous = new int[hypothesis.size() + 1];
        int[] current = new int[hypothesis.size() + 1];
        for (int j = 0; j <= hypothesis.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= reference.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= hypothesis.size(); j++) {
                int substitution = previous[j - 1] + (reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return new WordErrorRate(previous[hypothesis.size()], reference.size());
    }

    WordErrorRate plus(WordErrorRate other) {
        return new WordErrorRate(errors + other.errors, referenceWords + other.referenceWords);
    }

    double rate() {
        return referenceWords == 0 ? 0 : errors / (double) referenceWords;
    }
}
