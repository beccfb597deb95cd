package org.classreflect.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds questions in an utterance from lexical and syntactic cues, so that it works on engines that punctuate
 * (Whisper) and on engines that do not (pocketsphinx). The rules are listed in docs/analysis.md.
 */
public final class QuestionDetector {

    private static final Set<String> WH = Set.of("what", "why", "how", "where", "when", "who", "whom", "whose",
            "which");
    private static final Set<String> BE = Set.of("is", "are", "was", "were", "am", "isn't", "aren't", "wasn't",
            "weren't");
    private static final Set<String> DO = Set.of("do", "does", "did", "don't", "doesn't", "didn't");
    private static final Set<String> MODAL_OR_HAVE = Set.of("can", "could", "will", "would", "should", "shall",
            "may", "might", "must", "have", "has", "had", "can't", "won't", "wouldn't", "couldn't", "shouldn't",
            "haven't", "hasn't");
    private static final Set<String> NEGATIVE_AUX = Set.of("isn't", "aren't", "wasn't", "weren't", "don't",
            "doesn't", "didn't", "can't", "won't", "wouldn't", "couldn't", "shouldn't", "haven't", "hasn't");
    private static final Set<String> SUBJECT = Set.of("i", "you", "we", "they", "he", "she", "it", "there", "this",
            "that", "these", "those", "anyone", "anybody", "someone", "somebody", "everyone", "everybody", "the",
            "a", "an", "any", "your", "our", "their", "my", "his", "her", "its", "people", "all");
    /** After "do", only a pronoun marks a question: "do the exercise", "do your homework" are instructions. */
    private static final Set<String> DO_SUBJECT = Set.of("i", "you", "we", "they", "he", "she", "it", "anyone",
            "anybody", "someone", "somebody", "everyone", "everybody", "people", "all");
    private static final Set<String> PERSONAL_PRONOUN = Set.of("i", "you", "we", "they", "he", "she", "it");
    private static final Set<String> TAG_PRONOUN = Set.of("it", "you", "we", "they", "he", "she", "i", "there");
    private static final Set<String> DISCOURSE_MARKER = Set.of("so", "now", "right", "okay", "ok", "well", "and",
            "but", "then", "alright", "yes", "no", "good", "great", "um", "uh", "er", "erm", "oh", "hmm", "also",
            "class", "everyone");
    private static final Set<String> HOW_CLOSED = Set.of("many", "much", "old", "long", "far", "often");
    private static final Set<String> CLOSED_WH = Set.of("who", "whom", "whose", "which", "when");
    private static final Set<String> REQUEST_VERB = Set.of("tell", "explain", "describe", "think", "say", "share",
            "suggest", "show", "give", "predict", "imagine", "remember");
    private static final Set<String> OPEN_REQUEST_VERB = Set.of("explain", "describe", "suggest", "predict",
            "imagine");

    public Optional<DetectedQuestion> detect(String utteranceText) {
        boolean punctuated = Text.isPunctuated(utteranceText);
        List<String> questions = new ArrayList<>();
        boolean open = false;
        for (String sentence : Text.sentences(utteranceText)) {
            Optional<QuestionKind> kind = classify(sentence, punctuated);
            if (kind.isPresent()) {
                questions.add(sentence);
                open |= kind.get() == QuestionKind.OPEN;
            }
        }
        return questions.isEmpty() ? Optional.empty()
                : Optional.of(new DetectedQuestion(String.join(" ", questions),
                        open ? QuestionKind.OPEN : QuestionKind.CLOSED));
    }

    private Optional<QuestionKind> classify(String sentence, boolean punctuated) {
        List<String> words = withoutLeadingMarkers(Text.words(sentence));
        if (words.isEmpty()) {
            return Optional.empty();
        }
        Optional<QuestionKind> whKind = whQuestion(words, 0);
        if (whKind.isPresent()) {
            return whKind;
        }
        if (isInverted(words)) {
            return Optional.of(isOpenRequest(words) ? QuestionKind.OPEN : QuestionKind.CLOSED);
        }
        if (hasTag(words)) {
            return Optional.of(QuestionKind.CLOSED);
        }
        if (!punctuated) {
            // Without punctuation, sentences run together: "let's start there where does the water go".
            for (int i = 1; i + 1 < words.size(); i++) {
                if (WH.contains(words.get(i)) && (DO.contains(words.get(i + 1))
                        || MODAL_OR_HAVE.contains(words.get(i + 1)))) {
                    return Optional.of(kindOfWh(words, i));
                }
            }
        }
        return sentence.endsWith("?") ? Optional.of(QuestionKind.CLOSED) : Optional.empty();
    }

    private static List<String> withoutLeadingMarkers(List<String> words) {
        int i = 0;
        while (i < words.size() && DISCOURSE_MARKER.contains(words.get(i))) {
            i++;
        }
        return words.subList(i, words.size());
    }

    /** A wh-word opening a question, not a subordinate clause ("when it rains"), nor an exclamation ("what a day"). */
    private static Optional<QuestionKind> whQuestion(List<String> words, int at) {
        String first = words.get(at);
        if (first.endsWith("'s") && WH.contains(first.substring(0, first.length() - 2))) {
            return Optional.of(kindOfWh(words, at));
        }
        if (!WH.contains(first)) {
            return Optional.empty();
        }
        String next = at + 1 < words.size() ? words.get(at + 1) : "";
        boolean auxNext = BE.contains(next) || DO.contains(next) || MODAL_OR_HAVE.contains(next);
        boolean question = switch (first) {
            case "when", "where" -> auxNext;
            case "how" -> auxNext || HOW_CLOSED.contains(next) || next.equals("come") || next.equals("about");
            case "what" -> !next.equals("a") && !next.equals("an") && !PERSONAL_PRONOUN.contains(next);
            default -> true;
        };
        return question ? Optional.of(kindOfWh(words, at)) : Optional.empty();
    }

    private static QuestionKind kindOfWh(List<String> words, int at) {
        String wh = words.get(at).replaceAll("'s$", "");
        String next = at + 1 < words.size() ? words.get(at + 1) : "";
        if (CLOSED_WH.contains(wh) || (wh.equals("how") && HOW_CLOSED.contains(next))) {
            return QuestionKind.CLOSED;
        }
        return QuestionKind.OPEN;
    }

    private static boolean isInverted(List<String> words) {
        if (words.size() < 2) {
            return false;
        }
        String first = words.get(0);
        String second = words.get(1);
        return BE.contains(first) || (DO.contains(first) && DO_SUBJECT.contains(second))
                || (MODAL_OR_HAVE.contains(first) && SUBJECT.contains(second));
    }

    /** "Can anyone tell me what happens ...", "Could you explain ...": a yes/no frame around an open request. */
    private static boolean isOpenRequest(List<String> words) {
        if (words.size() < 3 || !REQUEST_VERB.contains(words.get(2))) {
            return false;
        }
        return OPEN_REQUEST_VERB.contains(words.get(2))
                || words.subList(3, words.size()).stream().anyMatch(w -> WH.contains(w) && !w.equals("which"));
    }

    private static boolean hasTag(List<String> words) {
        int n = words.size();
        return n >= 3 && NEGATIVE_AUX.contains(words.get(n - 2)) && TAG_PRONOUN.contains(words.get(n - 1));
    }
}
