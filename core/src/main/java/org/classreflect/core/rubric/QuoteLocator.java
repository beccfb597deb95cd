package org.classreflect.core.rubric;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds where a quote was said. Text is compared normalised (case, punctuation and spacing ignored, whole words
 * only), so "Okay, everyone -- eyes up!" matches "okay everyone eyes up". A quote may run on from one excerpt into
 * the next when they follow each other in time, never across a gap between excerpts.
 */
final class QuoteLocator {

    /** The times of a place where the quote was said: from the start of its first excerpt to the end of its last. */
    record Span(double start, double end) {
    }

    private static final double ADJACENT_SECONDS = 1.0;

    private final List<TranscriptExcerpt> excerpts;
    private final int[] offsets;
    private final String text;

    QuoteLocator(List<TranscriptExcerpt> excerpts) {
        this.excerpts = excerpts.stream().sorted(Comparator.comparingDouble(TranscriptExcerpt::start)).toList();
        this.offsets = new int[this.excerpts.size()];
        StringBuilder joined = new StringBuilder(" ");
        for (int i = 0; i < this.excerpts.size(); i++) {
            if (i > 0 && this.excerpts.get(i).start() > this.excerpts.get(i - 1).end() + ADJACENT_SECONDS) {
                joined.append("| ");
            }
            offsets[i] = joined.length();
            String words = normalise(this.excerpts.get(i).text());
            joined.append(words);
            if (!words.isEmpty()) {
                joined.append(' ');
            }
        }
        this.text = joined.toString();
    }

    static String normalise(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = true;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        return space && end > 0 ? out.substring(0, end - 1) : out.toString();
    }

    /** Every place the quote was said; empty when it was not (or is empty once normalised). */
    List<Span> find(String quote) {
        String words = normalise(quote);
        List<Span> spans = new ArrayList<>();
        if (words.isEmpty()) {
            return spans;
        }
        String needle = " " + words + " ";
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            int first = excerptAt(at + 1);
            int last = excerptAt(at + words.length());
            spans.add(new Span(excerpts.get(first).start(), excerpts.get(last).end()));
        }
        return spans;
    }

    private int excerptAt(int position) {
        int i = 0;
        while (i + 1 < offsets.length && offsets[i + 1] <= position) {
            i++;
        }
        return i;
    }
}
