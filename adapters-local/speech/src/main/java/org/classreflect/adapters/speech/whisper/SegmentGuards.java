package org.classreflect.adapters.speech.whisper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.classreflect.core.transcript.Segment;

/**
 * Cleans what Whisper returns for long audio, where it is known to go wrong: text for silence, loops that repeat the
 * same line or phrase, and times past the end of the audio or out of order. Pure functions.
 */
final class SegmentGuards {

    /** A run of this many identical segments in a row is a loop, kept once; two in a row may be real ("Yes." "Yes."). */
    static final int REPEATED_SEGMENTS = 3;
    /** A phrase repeated this many times in a row inside one segment is a loop, kept once. */
    static final int REPEATED_PHRASES = 5;
    /** Longest phrase, in words, looked for in a loop. */
    static final int LONGEST_PHRASE = 8;

    private static final Pattern NOT_SPEECH = Pattern.compile(
            "(?i)[\\s\\p{Punct}]*|\\s*[\\[(]\\s*(blank_audio|silence|no speech)\\s*[\\])]\\s*");
    private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SegmentGuards() {
    }

    /** All the guards, in order. */
    static List<Segment> apply(List<Segment> segments, double audioSeconds) {
        List<Segment> speech = dropNonSpeech(segments).stream().map(SegmentGuards::collapseRepeatedPhrases).toList();
        return monotonic(withinAudio(collapseRepeatedSegments(speech), audioSeconds));
    }

    /**
     * Whisper-jni 1.7.1 does not expose a segment's no-speech probability (whisper.cpp itself skips a window whose
     * probability is over {@code no_speech_thold} when its text is also unlikely); what is left of silence shows up
     * as blank text, punctuation alone, or a {@code [BLANK_AUDIO]} marker, and is dropped here.
     */
    static List<Segment> dropNonSpeech(List<Segment> segments) {
        return segments.stream().filter(s -> !NOT_SPEECH.matcher(s.text()).matches()).toList();
    }

    /** Keeps the first of each run of {@link #REPEATED_SEGMENTS} or more segments with the same words. */
    static List<Segment> collapseRepeatedSegments(List<Segment> segments) {
        List<Segment> kept = new ArrayList<>(segments.size());
        int i = 0;
        while (i < segments.size()) {
            String words = normalised(segments.get(i).text());
            int run = 1;
            while (i + run < segments.size() && normalised(segments.get(i + run).text()).equals(words)) {
                run++;
            }
            kept.addAll(run >= REPEATED_SEGMENTS ? segments.subList(i, i + 1) : segments.subList(i, i + run));
            i += run;
        }
        return kept;
    }

    /** Inside one segment, keeps one copy of a phrase of up to {@link #LONGEST_PHRASE} words repeated in a loop. */
    static Segment collapseRepeatedPhrases(Segment segment) {
        String[] words = segment.text().trim().split("\\s+");
        String[] keys = Arrays.stream(words).map(SegmentGuards::normalised).toArray(String[]::new);
        List<String> kept = new ArrayList<>(words.length);
        int i = 0;
        while (i < words.length) {
            int bestLength = 0;
            int bestCovered = 0;
            for (int length = 1; length <= LONGEST_PHRASE && i + length <= words.length; length++) {
                int repeats = repeatsAt(keys, i, length);
                if (repeats >= REPEATED_PHRASES && repeats * length > bestCovered) {
                    bestLength = length;
                    bestCovered = repeats * length;
                }
            }
            int take = bestLength == 0 ? 1 : bestLength;
            kept.addAll(Arrays.asList(words).subList(i, i + take));
            i += bestLength == 0 ? 1 : bestCovered;
        }
        if (kept.size() == words.length) {
            return segment;
        }
        String text = (segment.text().startsWith(" ") ? " " : "") + String.join(" ", kept);
        return new Segment(segment.start(), segment.end(), text, segment.confidence());
    }

    private static int repeatsAt(String[] keys, int start, int length) {
        int repeats = 1;
        while (start + (repeats + 1) * length <= keys.length
                && Arrays.equals(keys, start, start + length, keys, start + repeats * length,
                start + (repeats + 1) * length)) {
            repeats++;
        }
        return repeats;
    }

    /** Drops segments that start at or after the end of the audio and ends the others there at the latest. */
    static List<Segment> withinAudio(List<Segment> segments, double audioSeconds) {
        return segments.stream()
                .filter(s -> s.start() < audioSeconds)
                .map(s -> s.end() <= audioSeconds ? s
                        : new Segment(s.start(), audioSeconds, s.text(), s.confidence()))
                .toList();
    }

    /** In order of start, none starting before the previous one ends (a later start is moved to that end). */
    static List<Segment> monotonic(List<Segment> segments) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingDouble(Segment::start));
        List<Segment> out = new ArrayList<>(sorted.size());
        double previousEnd = 0;
        for (Segment s : sorted) {
            double start = Math.max(s.start(), previousEnd);
            double end = Math.max(s.end(), start);
            out.add(start == s.start() && end == s.end() ? s : new Segment(start, end, s.text(), s.confidence()));
            previousEnd = end;
        }
        return out;
    }

    private static String normalised(String text) {
        return NOT_A_LETTER_OR_DIGIT.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
