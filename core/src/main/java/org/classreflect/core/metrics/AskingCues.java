package org.classreflect.core.metrics;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ways classroom teachers ask that neither a wh-word nor an inverted auxiliary opens: a tag at the end ("..., isn't
 * it", "those are not air are they", "..., anyone"), an invitation ("tell me why", "explain what", "any ideas",
 * "I'd like to know why"), a wh-word as the subject of the last clause ("... who wants to read") and an echo
 * ("depending on what"). Each holds without punctuation; the rules are listed in docs/analysis.md.
 */
final class AskingCues {

    private static final Set<String> TAG_PRONOUN = Set.of("it", "you", "we", "they", "he", "she", "i", "there");
    private static final Set<String> NEGATION = Set.of("not", "never", "no", "nothing", "nobody");
    /** Before a final "anyone", words that make it an object ("don't tell anyone"), not a call for an answer. */
    private static final Set<String> ANYONE_AS_OBJECT = Set.of("tell", "ask", "show", "help", "let", "see", "hurt",
            "than", "to", "for", "with", "of", "by", "like", "know", "trust", "call", "hear", "find", "meet", "give",
            "from", "without", "not", "if", "hardly", "barely", "is", "was");
    /** Before a final "right", words that make it an adjective or a direction ("that's right", "turn right"). */
    private static final Set<String> RIGHT_AS_WORD = Set.of("that's", "all", "you're", "it's", "is", "are", "was",
            "were", "turn", "the", "quite", "it", "them", "exactly", "not", "absolutely", "just", "get", "got", "that",
            "on", "to", "left", "keep", "go", "so", "very", "be", "alright", "completely", "your", "my", "our",
            "their", "his", "her", "and", "or", "he's", "she's", "we're", "they're", "i'm", "am");
    private static final Set<String> PREPOSITION = Set.of("on", "of", "for", "with", "to", "from", "by", "about",
            "in", "at", "into", "after", "before", "like");
    private static final Set<String> ECHO_WH = Set.of("what", "who", "where", "when", "which", "whom");
    /** Before a final "yeah" or "agreed", words that make it part of a statement ("oh yeah", "we all agreed"). */
    private static final Set<String> YEAH_AS_WORD = Set.of("oh", "yeah", "yes", "well", "said", "say", "i", "you",
            "we", "they", "he", "she", "it", "all", "everyone", "everybody", "has", "have", "had", "was", "were", "is",
            "are", "be", "been", "just", "not", "never", "both", "and", "already", "finally", "i'd", "we'd", "i've",
            "we've", "they've", "you've");
    /** "…, is that right?": a check closing a statement. */
    private static final Set<String> CHECKED = Set.of("right", "true", "correct", "okay", "ok", "clear");
    private static final Set<String> CLOSED_ASK = Set.of("questions", "volunteers", "takers");
    /** Between "any" and what it asks for: "any other ideas", "any more questions". */
    private static final Set<String> ANY_MORE = Set.of("other", "more", "further");
    /** After a leading "anyone", verbs that ask without the "does": "anyone know the name for…". */
    private static final Set<String> ANYONE_ASKS = Set.of("know", "remember", "want", "got", "seen", "heard");
    /**
     * Verbs of acting, not answering: "could you all open your books…", "can somebody come up and…" are
     * instructions, while "can you tell me…" asks (lessons/README.md).
     */
    private static final Set<String> ACTION = Set.of("open", "close", "shut", "turn", "put", "get", "take", "pass",
            "hand", "come", "go", "sit", "stand", "stop", "pack", "tidy", "pick", "line", "hold", "bring", "move",
            "clear", "switch", "collect", "fetch", "hang", "push", "pull", "carry", "wait", "listen", "look");
    private static final Set<String> ACTOR = Set.of("you", "someone", "somebody", "anyone", "anybody", "everyone",
            "everybody");
    private static final Set<String> POLITE = Set.of("all", "please", "just", "now", "quickly", "quietly");
    private static final Set<String> REQUEST_MODAL = Set.of("can", "could", "would", "will");
    /** "someone read me…", "somebody tell us…": a request for an answer, which counts as a question. */
    private static final Set<String> SOMEONE = Set.of("someone", "somebody");
    private static final Set<String> ANSWER_VERB = Set.of("read", "tell", "give", "show", "name");
    /** "have a guess", "take a guess". */
    private static final Set<String> GUESS_VERB = Set.of("have", "take");
    private static final Set<String> OPEN_ASK = Set.of("ideas", "thoughts", "guesses", "suggestions");
    /** Before "any questions", words that make it a statement ("I don't have any ideas", "no questions"). */
    private static final Set<String> HOLDING = Set.of("have", "has", "had", "got", "no", "not", "without", "with");
    private static final Set<String> WISH = Set.of("like", "love", "want", "wanna");
    private static final Set<String> WISHER = Set.of("i'd", "i", "we'd", "we");
    private static final Set<String> INVITATION_BLOCKER = Set.of("me", "us", "you", "them", "him", "her", "i",
            "we", "they", "he", "she", "let", "let's", "to", "not");
    private static final Set<String> LEARN = Set.of("know", "hear");
    private static final Set<String> TO_THE_TEACHER = Set.of("me", "us");
    private static final Set<String> OPEN_TASK = Set.of("explain", "describe");
    /** After "who"/"what", words ending in s that are not a present-tense verb. */
    private static final Set<String> NOT_A_VERB = Set.of("always", "sometimes", "perhaps", "this", "his", "its",
            "yes", "plus", "was", "is", "has", "does", "as", "us", "less", "thus", "unless", "towards", "whereas",
            "lots", "loads", "kinds", "sorts", "types");
    /** Before a subject wh-word, words that make it an embedded or relative clause ("watch what happens"). */
    private static final Set<String> SUBJECT_WH_EMBEDDING = Set.of("watch", "look", "guess", "hear", "check",
            "shows", "show", "people", "one", "someone", "anyone", "everyone", "those", "person", "somebody");
    /** A subject wh-question must end the utterance within this many words ("who wants to read the next one"). */
    private static final int MAX_SUBJECT_QUESTION_WORDS = 10;
    /** Words after "explain" or "tell me" within which the wh-word must come ("explain to your partner what"). */
    private static final int MAX_TASK_WORDS = 4;

    private AskingCues() {
    }

    /**
     * A tag question ends the words: a negative or, after a negative statement, a positive tag; "is that right/clear";
     * "don't you think"; "anyone"; "right"; "yeah"; "agreed".
     */
    static boolean endsWithTag(List<String> words) {
        int n = words.size();
        if (n < 3) {
            return false;
        }
        String aux = words.get(n - 2);
        String last = words.get(n - 1);
        if (isNegativeTag(aux, last)) {
            return true;
        }
        if (n >= 4 && (CHECKED.contains(last) && aux.equals("that") && words.get(n - 3).equals("is")
                || last.equals("think") && aux.equals("you")
                && QuestionDetector.NEGATIVE_AUX.contains(words.get(n - 3)))) {
            return true; // "…, is that right", "…, don't you think"
        }
        if (TAG_PRONOUN.contains(last) && QuestionDetector.isAuxiliary(aux) && n >= 5
                && words.subList(0, n - 2).stream().anyMatch(w -> NEGATION.contains(w) || w.endsWith("n't"))) {
            return true;
        }
        return n >= 4 && ((last.equals("anyone") || last.equals("anybody")) && !ANYONE_AS_OBJECT.contains(aux)
                || last.equals("right") && !RIGHT_AS_WORD.contains(aux))
                || n >= 3 && (last.equals("yeah") || last.equals("agreed")) && !YEAH_AS_WORD.contains(aux)
                && !QuestionDetector.isAuxiliary(aux);
    }

    /** A negative tag: "isn't it", "doesn't he", "wouldn't you". */
    static boolean isNegativeTag(String aux, String pronoun) {
        return QuestionDetector.NEGATIVE_AUX.contains(aux) && TAG_PRONOUN.contains(pronoun);
    }

    /** A question left open by a preposition and a wh-word at the end: "depending on what", "made of what". */
    static boolean endsWithEcho(List<String> words) {
        int n = words.size();
        return n >= 3 && ECHO_WH.contains(words.get(n - 1)) && PREPOSITION.contains(words.get(n - 2));
    }

    /**
     * An invitation to answer starting at word {@code i}: "tell me why", "remind me what", "explain (to your partner)
     * what", "any (other) ideas", "anyone know…", "I'd like to know why", and, opening the words, "anything else",
     * "someone read/tell me…" and "have a guess";
     * the caller decides whether a clause can start there (see {@link #mayInviteAfter}).
     */
    static Optional<QuestionKind> invitationAt(List<String> words, int i) {
        String word = words.get(i);
        String previous = i > 0 ? words.get(i - 1) : "";
        String next = i + 1 < words.size() ? words.get(i + 1) : "";
        if (word.equals("any") && !HOLDING.contains(previous)) {
            if (ANY_MORE.contains(next) && i + 2 < words.size()) {
                next = words.get(i + 2); // "any other ideas"
            }
            if (CLOSED_ASK.contains(next)) {
                return Optional.of(QuestionKind.CLOSED);
            }
            if (OPEN_ASK.contains(next)) {
                return Optional.of(QuestionKind.OPEN);
            }
        }
        if ((word.equals("tell") || word.equals("remind")) && TO_THE_TEACHER.contains(next)) {
            return whWithin(words, i + 2); // "tell me why", "remind me what we mean by change"
        }
        if (i == 0 && word.equals("anything") && next.equals("else")) {
            return Optional.of(QuestionKind.OPEN); // "anything else you notice?"; not "don't touch anything else"
        }
        if (i == 0 && i + 2 < words.size() && (SOMEONE.contains(word) && ANSWER_VERB.contains(next)
                && TO_THE_TEACHER.contains(words.get(i + 2))
                || GUESS_VERB.contains(word) && next.equals("a") && words.get(i + 2).equals("guess"))) {
            return Optional.of(QuestionKind.CLOSED); // "someone read me the last line", "have a guess at ninety"
        }
        if ((word.equals("anyone") || word.equals("anybody")) && ANYONE_ASKS.contains(next)
                && !ANYONE_AS_OBJECT.contains(previous)) {
            return Optional.of(QuestionKind.CLOSED); // "anyone know the name for…"
        }
        if (OPEN_TASK.contains(word)) {
            return whWithin(words, i + 1).map(k -> QuestionKind.OPEN);
        }
        if (WISHER.contains(word) && i + 4 < words.size() && WISH.contains(next) && words.get(i + 2).equals("to")
                && LEARN.contains(words.get(i + 3))) {
            String asked = words.get(i + 4);
            return asked.equals("if") || asked.equals("whether") ? Optional.of(QuestionKind.CLOSED)
                    : whWithin(words, i + 4);
        }
        return Optional.empty();
    }

    /** Whether an invitation can start after this word: not after "let me", "you", "to", "not" or an auxiliary. */
    static boolean mayInviteAfter(String previous) {
        return !INVITATION_BLOCKER.contains(previous) && !QuestionDetector.isAuxiliary(previous)
                && !previous.endsWith("'ll") && !previous.endsWith("'d");
    }

    /**
     * "who" or "what" as the subject of a question ending the words: "who wants to read", "what happens then", "but
     * what happens if…".
     */
    static boolean subjectQuestionAt(List<String> words, int i) {
        String word = words.get(i);
        if (!(word.equals("who") || word.equals("what")) || words.size() - i > MAX_SUBJECT_QUESTION_WORDS) {
            return false;
        }
        String previous = i > 0 ? words.get(i - 1) : "";
        boolean orElse = i + 1 < words.size() && words.get(i + 1).equals("else");
        if (orElse ? QuestionDetector.EMBEDDING_VERB.contains(previous) // "spot on who else agrees"
                : QuestionDetector.EMBEDDING.contains(previous) && !QuestionDetector.CONJUNCTION.contains(previous)
                || SUBJECT_WH_EMBEDDING.contains(previous)
                || QuestionDetector.DETERMINER.contains(previous) || isEmbeddedAfterYou(words, i)) {
            return false;
        }
        int verbAt = orElse ? i + 2 : i + 1;
        // A be-verb after it is the main verb of a statement around a relative clause: "the girl who sits there is".
        return verbAt < words.size() && isPresentVerb(words.get(verbAt))
                && words.subList(verbAt + 1, words.size()).stream().noneMatch(QuestionDetector.BE::contains);
    }

    /** "you" as the object of a verb that embeds the clause after it: "let me show you what happens". */
    private static boolean isEmbeddedAfterYou(List<String> words, int i) {
        if (i < 2 || !words.get(i - 1).equals("you")) {
            return false;
        }
        String verb = words.get(i - 2);
        return QuestionDetector.EMBEDDING_VERB.contains(verb) || SUBJECT_WH_EMBEDDING.contains(verb);
    }

    private static boolean isPresentVerb(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("'s")
                && !NOT_A_VERB.contains(word);
    }

    /**
     * A request to act worded as a question, at word {@code i}: a modal, who is to act, and a verb of acting
     * ("could you all open your books", "can somebody come up and…"); an instruction, not a question.
     */
    static boolean isRequestToAct(List<String> words, int i) {
        if (i + 2 >= words.size() || !REQUEST_MODAL.contains(words.get(i)) || !ACTOR.contains(words.get(i + 1))) {
            return false;
        }
        int verb = i + 2;
        while (verb < words.size() - 1 && POLITE.contains(words.get(verb))) {
            verb++;
        }
        return ACTION.contains(words.get(verb));
    }

    private static Optional<QuestionKind> whWithin(List<String> words, int from) {
        for (int j = from; j < Math.min(words.size(), from + MAX_TASK_WORDS); j++) {
            if (QuestionDetector.WH.contains(QuestionDetector.whBase(words.get(j)))) {
                return Optional.of(QuestionDetector.kindOfWh(words, j));
            }
        }
        return Optional.empty();
    }
}
