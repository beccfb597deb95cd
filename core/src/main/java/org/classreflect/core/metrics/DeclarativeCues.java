package org.classreflect.core.metrics;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Questions worded as statements or fragments, which teachers ask all the time and which only a "?" or the voice
 * marks: a declarative frame ("so you think three apples cost sixty pence", "you'd agree with that"), a short
 * follow-up ("interesting why"), an elliptical one ("five hundred grams and the older children") and a check
 * ("everyone happy with that"). Without
 * punctuation these are the weakest word cues, so each is narrow; the rules are listed in docs/analysis.md.
 */
final class DeclarativeCues {

    /** "you think…", "you reckon…": the frames that put a statement to the class for it to confirm. */
    private static final Set<String> BELIEVE = Set.of("think", "reckon", "believe", "agree", "mean");
    /** "you'd agree", "you'd say". */
    private static final Set<String> WOULD_SAY = Set.of("agree", "say");
    /** "you're saying", "you're sure". */
    private static final Set<String> ARE_SAYING = Set.of("saying", "sure", "suggesting", "telling");
    /** After "you think", words that make it an instruction: "you think about it", "you think of a number". */
    private static final Set<String> NOT_A_CLAUSE = Set.of("about", "of", "over", "through", "carefully", "hard",
            "again", "back", "for", "before", "first", "twice", "quietly", "on", "up", "to");
    /** Frames that also ask after other words, not only opening a sentence: they rarely end a relative clause. */
    private static final Set<String> INSIDE_FRAME = Set.of("reckon", "agree", "saying");
    /** A declarative question inside an utterance must end it within this many words. */
    private static final int MAX_INSIDE_WORDS = 10;
    /** The words an elliptical follow-up may come after ("five hundred grams and the…"): an echo of the answer. */
    private static final int MAX_ECHO_WORDS = 4;
    /** The longest elliptical follow-up after its "and": "and the group by the window". */
    private static final int MAX_FOLLOW_UP_WORDS = 5;
    /** Words that open the noun phrase of a follow-up: a definite determiner or a number ("and five apples"). */
    private static final Set<String> REFERRING = Set.of("the", "this", "that", "these", "those", "your", "our",
            "number");
    /** A short answer a follow-up may echo: "they do. And the burdock seeds?". */
    private static final Set<String> ANSWERING = Set.of("they", "it", "he", "she", "we", "you");
    private static final Set<String> SHORT_ANSWER = Set.of("do", "does", "did", "is", "are", "was", "were", "can",
            "will", "have", "has");
    private static final Set<String> PERSON = Set.of("i", "you", "we", "they", "he", "she", "it", "i'm", "you're",
            "we're", "they're", "he's", "she's", "it's");
    /** Before "happy with that", words that make it a statement ("I'm happy with that", "not happy with that"). */
    private static final Set<String> STATING = Set.of("i'm", "we're", "you're", "they're", "he's", "she's", "am",
            "is", "are", "was", "were", "be", "not", "very", "really", "so", "quite", "i", "we", "they", "too");
    private static final Set<String> CONTENT = Set.of("happy", "okay", "ok", "fine");
    /** "everyone agree", "everybody understand": the "does" of a check left out; the verb keeps its bare form. */
    private static final Set<String> EVERYONE = Set.of("everyone", "everybody");
    private static final Set<String> ASSENT = Set.of("agree", "understand");
    /** Before "everyone agree", verbs that take a bare verb after their object ("let everyone agree"). */
    private static final Set<String> CAUSING = Set.of("let", "lets", "make", "makes", "help", "helps", "have",
            "had", "let's");
    /** Words before a short "why" that keep it a question: "good and why", "but why". */
    private static final Set<String> FOLLOWING = Set.of("and", "but");
    private static final Set<String> OPERATION = Set.of("times", "plus", "minus", "add", "take");
    /** "you know why we draw it that way": an indirect question put as a statement, ending the utterance. */
    private static final Set<String> KNOWN_WH = Set.of("why", "how", "who");
    /** Before the "and" of a follow-up, words that make it a pair ("between this one and that one"). */
    private static final Set<String> PAIRING = Set.of("between", "both", "from");
    private static final Set<String> CLASS = Set.of("everyone", "everybody", "all");

    private DeclarativeCues() {
    }

    /**
     * A declarative question starting at word {@code i}: "you think / reckon / believe / agree / mean …", "you'd
     * agree / say …", "you're saying / sure …"; inside an utterance ({@code i > 0}, not after an opener) only the
     * frames that rarely close a relative clause ("the one you think is…") and near its end.
     */
    static boolean declarativeAt(List<String> words, int i) {
        if (i + 2 > words.size() || !words.get(i).startsWith("you")) {
            return false;
        }
        String you = words.get(i);
        String verb = words.get(i + 1);
        String after = i + 2 < words.size() ? words.get(i + 2) : "";
        boolean frame = you.equals("you") && BELIEVE.contains(verb) && !NOT_A_CLAUSE.contains(after)
                || you.equals("you'd") && WOULD_SAY.contains(verb)
                || you.equals("you're") && ARE_SAYING.contains(verb);
        if (!frame || QuestionDetector.isAuxiliary(after)) {
            return false; // "the one you reckon is best": a relative clause
        }
        return i == 0 || INSIDE_FRAME.contains(verb) && words.size() - i <= MAX_INSIDE_WORDS;
    }

    /**
     * The kind of a fragment that asks at the end of the words: a short follow-up ("good why", "how come", "what
     * else", "anyone"), an elliptical follow-up, a check or a bare sum (each below); empty when none ends them.
     */
    static Optional<QuestionKind> fragmentAtEnd(List<String> words) {
        int n = words.size();
        if (n >= 1 && n <= MAX_ECHO_WORDS + 2) {
            String last = words.get(n - 1);
            String before = n >= 2 ? words.get(n - 2) : "";
            String preceding = n >= 3 ? words.get(n - 3) : "";
            if (last.equals("why") && (!QuestionDetector.EMBEDDING.contains(before) || FOLLOWING.contains(before))
                    || List.of("why not", "how come", "how so", "what else").contains(before + " " + last)
                    && !QuestionDetector.EMBEDDING.contains(preceding)) {
                return Optional.of(QuestionKind.OPEN);
            }
            if (n <= 2 && (last.equals("anyone") || last.equals("anybody"))
                    || before.equals("who") && last.equals("else") && !QuestionDetector.EMBEDDING.contains(preceding)) {
                return Optional.of(QuestionKind.CLOSED);
            }
        }
        return endsWithFollowUp(words) || endsWithCheck(words) || endsWithSum(words)
                ? Optional.of(QuestionKind.CLOSED) : Optional.empty();
    }

    /**
     * An elliptical follow-up ends the words: an echo of a few words (with no pronoun or auxiliary, or a short answer
     * such as "they do"), then "and" and a short noun phrase with a definite determiner or a number and no verb
     * ("more tadpoles and the heron", "slates and the older children", "they do and the burdock seeds").
     */
    private static boolean endsWithFollowUp(List<String> words) {
        int and = words.lastIndexOf("and");
        int tail = words.size() - and - 1;
        if (and < 0 || and > MAX_ECHO_WORDS || tail < 1 || tail > MAX_FOLLOW_UP_WORDS
                || !REFERRING.contains(words.get(and + 1)) && !isNumber(words.get(and + 1))) {
            return false;
        }
        List<String> echo = words.subList(0, and);
        return words.subList(and, words.size()).stream().noneMatch(DeclarativeCues::isPersonOrAuxiliary)
                && (echo.stream().noneMatch(DeclarativeCues::isPersonOrAuxiliary) || isShortAnswer(echo))
                && echo.stream().noneMatch(PAIRING::contains);
    }

    private static boolean isPersonOrAuxiliary(String word) {
        return PERSON.contains(word) || QuestionDetector.isAuxiliary(word);
    }

    /** The words echo a short answer: a pronoun and an affirmative auxiliary, perhaps after "yes" ("they do"). */
    private static boolean isShortAnswer(List<String> echo) {
        List<String> answer = !echo.isEmpty() && echo.get(0).equals("yes") ? echo.subList(1, echo.size()) : echo;
        return answer.size() == 2 && ANSWERING.contains(answer.get(0)) && SHORT_ANSWER.contains(answer.get(1));
    }

    /**
     * A check that the class is content ends the words: "(everyone) happy with that (everyone)", or agrees:
     * "everyone agree (with that)".
     */
    private static boolean endsWithCheck(List<String> words) {
        int n = words.size();
        int assent = n >= 2 && words.get(n - 1).equals("that") && words.get(n - 2).equals("with") ? n - 3 : n - 1;
        if (assent >= 1 && ASSENT.contains(words.get(assent)) && EVERYONE.contains(words.get(assent - 1))
                && (assent == 1 || !CAUSING.contains(words.get(assent - 2)))) {
            return true; // "so it's three o'clock then everyone agree"
        }
        int end = n > 0 && CLASS.contains(words.get(n - 1)) ? n - 1 : n;
        if (end < 3 || !CONTENT.contains(words.get(end - 3)) || !words.get(end - 2).equals("with")
                || !(words.get(end - 1).equals("that") || words.get(end - 1).equals("this"))) {
            return false;
        }
        return end == 3 || !STATING.contains(words.get(end - 4));
    }

    /** A bare sum ends the words, with no verb before it: "good six times nine", "excellent nine times four". */
    private static boolean endsWithSum(List<String> words) {
        int n = words.size();
        return n >= 3 && isNumber(words.get(n - 3)) && OPERATION.contains(words.get(n - 2))
                && isNumber(words.get(n - 1)) && words.stream().noneMatch(QuestionDetector::isAuxiliary)
                && words.stream().noneMatch(w -> PERSON.contains(w) || w.equals("let's"));
    }

    /** "you know why / how / who …" near the end of the words, at word {@code i}: "… you know why we draw it". */
    static boolean youKnowAt(List<String> words, int i) {
        return i + 3 < words.size() && words.size() - i <= MAX_INSIDE_WORDS && words.get(i).equals("you")
                && words.get(i + 1).equals("know") && KNOWN_WH.contains(words.get(i + 2))
                && !words.get(i + 3).equals("to"); // "you know how to do it"
    }

    static boolean isNumber(String word) {
        return QuestionDetector.NUMBER.contains(word) || !word.isEmpty() && word.chars().allMatch(Character::isDigit);
    }
}
