package org.classreflect.adapters.speech.quality;

import java.util.List;

/** Which words of a recogniser's hypothesis a minimal word-level edit alignment matches to the same reference word. */
final class WordAlignment {

    private WordAlignment() {
    }

    static boolean[] heardRightly(List<String> reference, List<String> hypothesis) {
        int n = reference.size();
        int m = hypothesis.size();
        int[][] cost = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            cost[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            cost[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                cost[i][j] = Math.min(cost[i - 1][j - 1] + (same(reference, hypothesis, i, j) ? 0 : 1),
                        Math.min(cost[i - 1][j], cost[i][j - 1]) + 1);
            }
        }
        boolean[] right = new boolean[m];
        int i = n;
        int j = m;
        while (i > 0 && j > 0) {
            if (same(reference, hypothesis, i, j) && cost[i][j] == cost[i - 1][j - 1]) {
                right[--j] = true;
                i--;
            } else if (cost[i][j] == cost[i - 1][j - 1] + 1) {
                i--;
                j--;
            } else if (cost[i][j] == cost[i - 1][j] + 1) {
                i--;
            } else {
                j--;
            }
        }
        return right;
    }

    private static boolean same(List<String> reference, List<String> hypothesis, int i, int j) {
        return reference.get(i - 1).equals(hypothesis.get(j - 1));
    }
}
