package org.classreflect.core.redaction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Word;

/**
 * Replaces students' names in a transcript by placeholders, "Student A", "Student B"..., the same name by the same
 * placeholder throughout the lesson. A name is a student's when it is on the school's class list, or when the lesson
 * reveals it: a capitalised word after a thanks or praise ("thank you, Maya"), or said to someone at the start or end
 * of a sentence ("Maya, what do you think?", "what do you think, Maya?"). The teacher's own names are kept, and so are
 * the capitalised words that open sentences or address the class (a fixed list below).
 */
public final class NameRedactor {

    private static final String NAME = "([A-Z][a-z]+(?:-[A-Z][a-z]+)?)";
    private static final Pattern AFTER_CUE = Pattern.compile("(?i:\\b(?:thank you|thanks|well done|good job|great job"
            + "|nice work|good work|good point|great point|excellent|brilliant|perfect|good morning|good afternoon"
            + "|hello|hi|yes|okay|ok|go ahead|over to you|your turn|come on|what about you|how about you|sorry))"
            + "[,!.]?\\s+" + NAME + "\\b");
    private static final Pattern OPENING_VOCATIVE = Pattern.compile("(?:^|[.?!]\\s+)" + NAME + ",\\s");
    private static final Pattern CLOSING_VOCATIVE = Pattern.compile(",\\s+" + NAME + "\\s*[?.!]");
    private static final Set<String> NOT_NAMES = Set.of("i", "okay", "ok", "so", "yes", "no", "yeah", "well", "now",
            "right", "good", "great", "thank", "thanks", "everyone", "everybody", "class", "guys", "folks", "team",
            "please", "sorry", "alright", "and", "but", "then", "first", "second", "next", "finally", "also", "again",
            "remember", "look", "listen", "today", "tomorrow", "yesterday", "here", "there", "this", "that", "these",
            "those", "what", "why", "how", "who", "when", "where", "which", "oh", "um", "uh", "hmm", "excellent",
            "brilliant", "perfect", "correct", "exactly", "sure", "fine", "hello", "hi", "wow", "ah", "actually",
            "sir", "miss", "mr", "mrs", "ms", "teacher", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september",
            "october", "november", "december", "english", "french", "spanish", "maths", "math", "science", "god",
            "together", "quickly", "quietly", "nice", "wait", "stop", "try", "anyone", "somebody", "someone");

    /** The names found, in the order they first occur, and the transcript with them replaced. */
    public record Redacted(Transcript transcript, List<String> names) {
    }

    /**
     * @param classList    students' names as the school gave them (first names, full names)
     * @param teacherNames the teacher's display name (and any other names of theirs), never replaced
     */
    public Redacted redact(Transcript t, List<String> classList, List<String> teacherNames) {
        Set<String> kept = parts(teacherNames);
        Set<String> known = parts(classList);
        known.removeAll(kept);
        String all = t.text() + "\n" + String.join("\n", t.segments().stream().map(Segment::text).toList());
        Set<String> names = new HashSet<>(known);
        for (Pattern cue : List.of(AFTER_CUE, OPENING_VOCATIVE, CLOSING_VOCATIVE)) {
            Matcher m = cue.matcher(all);
            while (m.find()) {
                String candidate = m.group(1).toLowerCase(Locale.ROOT);
                if (!NOT_NAMES.contains(candidate) && !kept.contains(candidate)) {
                    names.add(candidate);
                }
            }
        }
        Map<String, String> placeholders = placeholders(all, names);
        if (placeholders.isEmpty()) {
            return new Redacted(t, List.of());
        }
        List<Segment> segments = t.segments().stream().map(s -> new Segment(s.start(), s.end(),
                replace(s.text(), placeholders), s.confidence(), s.speaker())).toList();
        List<Word> words = t.words().stream().map(w -> new Word(w.start(), w.end(),
                replace(w.text(), placeholders), w.confidence())).toList();
        Transcript redacted = new Transcript(t.recordingId(), replace(t.text(), placeholders), t.language(),
                t.engine(), t.modelId(), segments, words, t.wordCount(), t.meanConfidence(), t.processingSeconds(),
                t.audioSeconds(), t.createdAt());
        return new Redacted(redacted, List.copyOf(placeholders.keySet()));
    }

    private static final Pattern CAPITALISED = Pattern.compile("\\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\\b");

    /** A placeholder per name that occurs, lettered in the order the names first occur. */
    private static Map<String, String> placeholders(String text, Set<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = CAPITALISED.matcher(text);
        while (m.find()) {
            String name = m.group().toLowerCase(Locale.ROOT);
            if (names.contains(name) && !out.containsKey(name)) {
                out.put(name, "Student " + letters(out.size()));
            }
        }
        return out;
    }

    private static String letters(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            s.insert(0, (char) ('A' + i % 26));
        }
        return s.toString();
    }

    /** Replaces the capitalised occurrences of the names (a lower-case "rose" or "will" is a word, not a name). */
    private static String replace(String text, Map<String, String> placeholders) {
        Matcher m = CAPITALISED.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String placeholder = placeholders.get(m.group().toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(placeholder != null ? placeholder : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Set<String> parts(List<String> names) {
        Set<String> out = new HashSet<>();
        for (String name : names) {
            for (String part : name.split("[\\s,;]+")) {
                String p = part.strip().toLowerCase(Locale.ROOT);
                if (p.length() > 1 && !NOT_NAMES.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
