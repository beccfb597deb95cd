package org.classreflect.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds questions in an utterance from lexical and syntactic cues, so that it works on engines that punctuate
 * (Whisper) and on engines that do not (pocketsphinx); without punctuation, a question may also start inside the
 * utterance, and a rising pitch at its end counts as evidence. The rules are listed in docs/analysis.md.
 */
public final class QuestionDetector {

    static final Set<String> WH = Set.of("what", "why", "how", "where", "when", "who", "whom", "whose",
            "which");
    static final Set<String> BE = Set.of("is", "are", "was", "were", "am", "isn't", "aren't", "wasn't",
            "weren't");
    private static final Set<String> DO = Set.of("do", "does", "did", "don't", "doesn't", "didn't");
    private static final Set<String> MODAL_OR_HAVE = Set.of("can", "could", "will", "would", "should", "shall",
            "may", "might", "must", "have", "has", "had", "can't", "won't", "wouldn't", "couldn't", "shouldn't",
            "haven't", "hasn't");
    static final Set<String> NEGATIVE_AUX = Set.of("isn't", "aren't", "wasn't", "weren't", "don't",
            "doesn't", "didn't", "can't", "won't", "wouldn't", "couldn't", "shouldn't", "haven't", "hasn't");
    private static final Set<String> SUBJECT = Set.of("i", "you", "we", "they", "he", "she", "it", "there", "this",
            "that", "these", "those", "anyone", "anybody", "someone", "somebody", "everyone", "everybody", "the",
            "a", "an", "any", "your", "our", "their", "my", "his", "her", "its", "people", "all");
    /** After "do", only a pronoun marks a question: "do the exercise", "do your homework" are instructions. */
    private static final Set<String> DO_SUBJECT = Set.of("i", "you", "we", "they", "he", "she", "it", "anyone",
            "anybody", "someone", "somebody", "everyone", "everybody", "people", "all");
    private static final Set<String> PERSONAL_PRONOUN = Set.of("i", "you", "we", "they", "he", "she", "it");
    private static final Set<String> DISCOURSE_MARKER = Set.of("so", "now", "right", "okay", "ok", "well", "and",
            "but", "then", "alright", "yes", "no", "good", "great", "um", "uh", "er", "erm", "oh", "hmm", "also",
            "class", "everyone");
    private static final Set<String> HOW_CLOSED = Set.of("many", "much", "old", "long", "far", "often");
    private static final Set<String> CLOSED_WH = Set.of("who", "whom", "whose", "which", "when");
    private static final Set<String> REQUEST_VERB = Set.of("tell", "explain", "describe", "think", "say", "share",
            "suggest", "show", "give", "predict", "imagine", "remember");
    private static final Set<String> OPEN_REQUEST_VERB = Set.of("explain", "describe", "suggest", "predict",
            "imagine");
    /** Words after which, without punctuation, a new sentence usually starts ("... well done now is it ..."). */
    private static final Set<String> SENTENCE_OPENER = Set.of("now", "so", "okay", "ok", "right", "alright", "well",
            "yes", "no", "good", "great", "excellent", "brilliant", "lovely", "correct", "exactly", "nice", "perfect",
            "fantastic", "wonderful");
    static final Set<String> DETERMINER = Set.of("the", "a", "an", "this", "that", "these", "those", "your",
            "our", "their", "my", "his", "her", "its", "any", "every", "all", "some");
    /**
     * Before an auxiliary, words that make it part of a statement rather than the start of a question ("they do the
     * work", "to do the sum", "that does the job", "it can be").
     */
    private static final Set<String> STATEMENT_BEFORE_AUX = Set.of("i", "you", "we", "they", "he", "she", "it",
            "to", "not", "that", "who", "which", "what", "also", "really", "always", "never", "often", "still",
            "just", "and", "or", "but", "people", "everyone", "everybody", "someone", "somebody", "anyone");
    /** Verbs that embed a wh-clause ("find out what happens"); other words do so only for some rules. */
    static final Set<String> EMBEDDING_VERB = Set.of("know", "knows", "see", "wonder", "understand",
            "explain", "describe", "remember", "show", "decide", "decided", "discuss", "find", "out", "learn",
            "notice", "noticed", "think", "say", "said", "tell", "ask", "asked", "matter");
    /** After an object pronoun a wh-phrase and an inversion still ask: "loads of them how many would you guess". */
    private static final Set<String> OBJECT_PRONOUN = Set.of("me", "us", "them", "him");
    static final Set<String> CONJUNCTION = Set.of("and", "or", "but");
    /** Before a wh-word, words that make it an embedded clause ("find out what happens", "this is why"). */
    static final Set<String> EMBEDDING = union(EMBEDDING_VERB, OBJECT_PRONOUN, Set.of("is", "was", "are", "were",
            "that's", "it's", "about", "of", "on", "in", "for", "at", "no", "and", "or", "but", "exactly", "that",
            "just"));
    /** Contractions of a wh-word with an auxiliary: "what's", "why's", "who'd", "what'll", "who're", "who've". */
    private static final List<String> WH_CONTRACTION = List.of("'s", "'d", "'ll", "'re", "'ve");
    /** Wh-words that head a phrase before an inverted auxiliary: "what fraction … have I", "how many … does a". */
    private static final Set<String> PHRASE_WH = Set.of("what", "which", "whose", "how");
    /** After a be-verb, the subjects of an inversion inside an utterance: "… what is it called", "is that right". */
    private static final Set<String> BE_SUBJECT = Set.of("i", "you", "we", "they", "he", "she", "it", "there", "that",
            "this");
    /**
     * After a be-verb or "have" inside an utterance, subjects that make it an inversion ("… in your books is everybody
     * clear", "… radiator team has anything happened"). Not "you": "are you", "have you" are what pocketsphinx most
     * often writes for speech it could not make out.
     */
    private static final Set<String> INVERTED_SUBJECT = Set.of("everybody", "everyone", "anybody", "anyone",
            "anything");
    private static final Set<String> IRREGULAR_PARTICIPLE = Set.of("heard", "done", "got", "been", "made", "found",
            "read", "left", "brought", "thought", "met", "had", "said", "put", "seen", "won", "lost", "felt", "kept");
    /** Wh-words that can head the subject of a question: "which other letters have one", "how many have finished". */
    private static final Set<String> SUBJECT_PHRASE_WH = Set.of("which", "whose", "how");
    /** Before a contracted wh-word, words that embed it: "here's what's happening", "show you what's inside". */
    private static final Set<String> CONTRACTION_EMBEDDING = Set.of("here's", "there's", "you", "what's", "me",
            "us", "them", "him", "her");
    /** The longest subject between a be-verb and a comparison in {@link #comparesItsSubject}: "that pushing force". */
    private static final int MAX_COMPARED_SUBJECT_WORDS = 4;
    /** Words of a measure before a comparative: "a lot bigger", "a bit longer", "three times heavier". */
    private static final Set<String> MEASURE = Set.of("lot", "bit", "little", "much", "far", "way", "times", "even");
    /** A cleft's wh-clause ("what we are going to do now is…") ends its be-verb within this many words. */
    private static final int MAX_CLEFT_WORDS = 8;
    static final Set<String> NUMBER = Set.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            "hundred", "thousand", "half");
    private static final Set<String> MODAL = Set.of("can", "could", "will", "would", "should", "shall", "may",
            "might", "must", "can't", "won't", "wouldn't", "couldn't", "shouldn't");
    private static final Set<String> HAVE = Set.of("have", "has", "had", "haven't", "hasn't");
    /** Modals that, before a determiner inside an utterance, invert a question ("… to the door would a cannon…"). */
    private static final Set<String> ASKING_MODAL = Set.of("can", "could", "will", "would", "should", "shall");
    /** Determiners that open the subject of an inversion ("would a cannon", "could the water"). */
    private static final Set<String> SUBJECT_DETERMINER = Set.of("the", "a", "an", "this", "that", "these", "those",
            "your", "our", "their", "any");
    /**
     * After an opening auxiliary, auxiliaries that can also be main verbs ("what do you do", "did you have"), so they
     * do not make the words garbled (see {@link #isGarbled}).
     */
    private static final Set<String> MAIN_VERB_AUX = Set.of("do", "does", "did", "have", "has", "had");
    /** "does the", "did the" can only ask; "do the" also orders ("do the exercise"), see {@link #isDoQuestion}. */
    private static final Set<String> DO_NOT_IMPERATIVE = Set.of("does", "did", "doesn't", "didn't", "don't");
    private static final Set<String> PLURAL_DETERMINER = Set.of("the", "these", "those", "your", "our", "their",
            "all", "any", "some", "my", "his", "her");
    private static final Set<String> PLURAL_PEOPLE = Set.of("people", "children", "men", "women", "pupils");
    /** After "do the exercises": where and when to do it, which marks an instruction. */
    private static final Set<String> INSTRUCTION_FOLLOWER = Set.of("on", "at", "in", "for", "now", "first",
            "quietly", "again", "yourself", "yourselves", "together", "by", "before", "after", "with", "from",
            "please", "tonight", "today");
    /** A subordinating word shortly before an auxiliary makes it part of a clause, not a question. */
    private static final Set<String> SUBORDINATOR = Set.of("whether", "if", "when", "because", "how", "where",
            "until", "unless", "while", "what", "why", "who", "which", "as");
    /** Words looked back over for a subordinating word. */
    private static final int SUBORDINATOR_LOOKBACK = 4;
    /**
     * Without punctuation, an utterance this long that opens like a question but goes on is not taken for one (on
     * pocketsphinx's garbled output such openings were mostly misheard statements); a question at its end still is.
     */
    private static final int MAX_UNPUNCTUATED_OPENING_WORDS = 20;
    /** A do-question found inside an utterance must end it within this many words. */
    private static final int MAX_TRAILING_QUESTION_WORDS = 15;
    /** Words allowed between a wh-word inside an utterance and the inverted auxiliary ("what fraction of it is"). */
    private static final int MAX_WH_PHRASE_WORDS = 4;
    /**
     * The final rise of an utterance's pitch, in semitones (from the lowest point of its last unbroken stretch to its
     * very end: the speaker estimate's end rises), from which it counts as a (yes/no) question when there is no
     * punctuation, and keeps a question whose words the engine was unsure of; rises above
     * {@link #MAX_RISE_SEMITONES} are not trusted. On the tuning lessons (bare transcripts) no teacher statement rose
     * by more than 2.34 semitones while 5 of the 12 questions the words miss rose by 2.9 to 4.2; 2.5 kept every
     * question found at 2 and 3 without inventing one, and the best pocketsphinx precision of the bars tried
     * (docs/analysis.md).
     */
    public static final double RISE_SEMITONES = 2.5;
    /** Without punctuation, fewer words than this are not taken for a question. */
    private static final int MIN_UNPUNCTUATED_WORDS = 3;
    /**
     * A rise above this is not trusted: an octave (12) is the pitch tracker's commonest error. Teacher questions on the
     * tuning lessons rose by up to 9.0 ("so the plate's slowing it down", l81); no statement reached 2.5.
     */
    static final double MAX_RISE_SEMITONES = 10.0;

    /**
     * Below this mean engine confidence, the words that decide a question (the word marking it and the next) are
     * taken for misheard: the low-confidence word of {@link TranscriptQuality}, which on the tuning lessons also best
     * told pocketsphinx's rightly heard question words from misheard ones (docs/analysis.md).
     */
    public static final double MIN_CUE_CONFIDENCE = TranscriptQuality.LOW_WORD_CONFIDENCE;
    /**
     * Below this mean engine confidence in an utterance's words, a rise at its end is not heard as a question: the
     * words are a misheard stretch ("easy on her looks recap i", mean 0.06), whose pitch is as unsure. On the tuning
     * lessons any bar from 0.2 to 0.3 removed the one question pocketsphinx's garbled words invented this way and no
     * right one; 0.4 lost four right ones (docs/analysis.md).
     */
    static final double MIN_RISE_WORD_CONFIDENCE = 0.25;

    private final double minCueConfidence;
    private final double riseSemitones;

    public QuestionDetector() {
        this(MIN_CUE_CONFIDENCE, RISE_SEMITONES);
    }

    /**
     * @param minCueConfidence a question is not taken from words the engine heard with less confidence than this
     *                         (the mean confidence of the word that marks the question and the word after it), unless
     *                         the voice rises at the end
     * @param riseSemitones    the pitch rise at the end from which an unpunctuated utterance is taken for a question
     */
    public QuestionDetector(double minCueConfidence, double riseSemitones) {
        this.minCueConfidence = minCueConfidence;
        this.riseSemitones = riseSemitones;
    }

    /** The questions of a text with no word confidences and no pitch heard. */
    public Optional<DetectedQuestion> detect(String utteranceText) {
        return detect(new Utterance(0, 0, utteranceText), Double.NaN);
    }

    /**
     * The questions of one utterance; {@code endRise} is the final rise of its pitch in semitones (NaN when not
     * heard; {@link SpeakerEstimate#endRises}). Only when the text has no punctuation, a rise marks a question no words mark, and keeps one whose
     * deciding words the engine was unsure of.
     */
    public Optional<DetectedQuestion> detect(Utterance utterance, double endRise) {
        String utteranceText = utterance.text();
        boolean punctuated = Text.isPunctuated(utteranceText);
        boolean risen = !punctuated && endRise >= riseSemitones && endRise <= MAX_RISE_SEMITONES
                && !(meanConfidence(utterance) < MIN_RISE_WORD_CONFIDENCE);
        List<String> questions = new ArrayList<>();
        boolean open = false;
        int wordsBefore = 0;
        for (String sentence : Text.sentences(utteranceText)) {
            List<String> words = Text.words(sentence);
            List<Double> confidences = utterance.wordConfidences()
                    .subList(wordsBefore, wordsBefore + words.size());
            wordsBefore += words.size();
            Optional<Found> found = classify(sentence, new Heard(words, confidences), punctuated, risen);
            if (found.isPresent()) {
                questions.add(found.get().text());
                open |= found.get().kind() == QuestionKind.OPEN;
            }
        }
        if (questions.isEmpty() && risen && Text.words(utteranceText).size() >= MIN_UNPUNCTUATED_WORDS) {
            return Optional.of(new DetectedQuestion(utteranceText.strip(), QuestionKind.CLOSED));
        }
        return questions.isEmpty() ? Optional.empty()
                : Optional.of(new DetectedQuestion(String.join(" ", questions),
                        open ? QuestionKind.OPEN : QuestionKind.CLOSED));
    }

    /** The engine's mean confidence in the utterance's words; NaN when it gave none. */
    private static double meanConfidence(Utterance utterance) {
        return utterance.wordConfidences().stream().mapToDouble(Double::doubleValue).filter(c -> !Double.isNaN(c))
                .average().orElse(Double.NaN);
    }

    private record Found(QuestionKind kind, String text) {
    }

    /** A sentence's words and the engine's confidence in each (NaN: none given). */
    private record Heard(List<String> words, List<Double> confidences) {

        Heard withoutLeadingMarkers() {
            int i = 0;
            while (i < words.size() && DISCOURSE_MARKER.contains(words.get(i))) {
                i++;
            }
            return new Heard(words.subList(i, words.size()), confidences.subList(i, words.size()));
        }

        /** The mean confidence of the word at {@code at} and the next one; NaN when the engine gave none. */
        double cueConfidence(int at) {
            return confidences.subList(at, Math.min(at + 2, confidences.size())).stream()
                    .mapToDouble(Double::doubleValue).filter(c -> !Double.isNaN(c)).average().orElse(Double.NaN);
        }
    }

    /**
     * Whether a question found at word {@code at} can be trusted: its deciding words were heard surely enough, or the
     * voice rose at the end of the utterance.
     */
    private boolean sure(Heard heard, int at, boolean risen) {
        double confidence = heard.cueConfidence(at);
        return Double.isNaN(confidence) || confidence >= minCueConfidence || risen;
    }

    private Optional<Found> classify(String sentence, Heard all, boolean punctuated, boolean risen) {
        int lastTwo = Math.max(0, all.words().size() - 2);
        Optional<QuestionKind> fragment = punctuated ? Optional.empty()
                : DeclarativeCues.fragmentAtEnd(all.words()).filter(k -> sure(all, lastTwo, risen));
        if (fragment.isPresent()) {
            return Optional.of(new Found(fragment.get(), sentence)); // "slates and the older children"
        }
        Heard heard = all.withoutLeadingMarkers();
        List<String> words = heard.words();
        if (words.isEmpty() || (!punctuated && words.size() < MIN_UNPUNCTUATED_WORDS)) {
            return Optional.empty(); // "do you" alone: a fragment of garbled text more often than a question
        }
        Optional<QuestionKind> kind = atStart(words).filter(k -> sure(heard, 0, risen) && !isGarbled(words, 0));
        if (!punctuated && words.size() > MAX_UNPUNCTUATED_OPENING_WORDS) {
            kind = Optional.empty(); // a long run of words that merely opens like a question: garbled text
        }
        if (kind.isEmpty()) {
            boolean endsAsking = AskingCues.endsWithTag(words) || AskingCues.endsWithEcho(words);
            kind = endsAsking && sure(heard, words.size() - 2, risen) ? Optional.of(QuestionKind.CLOSED)
                    : Optional.empty();
        }
        if (kind.isPresent()) {
            return Optional.of(new Found(kind.get(), sentence));
        }
        boolean asked = sentence.endsWith("?");
        if (!punctuated || asked) {
            // Without punctuation, sentences run together: "good now is it bigger", "let's start there where does
            // the water go", "like the himalayas does the ground shake". With it, a clause may lead into the
            // question: "if I eat one slice, what fraction have I eaten?".
            for (int i = 1; i + 1 < words.size(); i++) {
                int at = i;
                Optional<QuestionKind> inside = inside(words, i)
                        .filter(k -> sure(heard, at, risen) && !isGarbled(words, at));
                if (inside.isPresent()) {
                    return Optional.of(new Found(inside.get(),
                            asked ? sentence : String.join(" ", words.subList(i, words.size()))));
                }
            }
        }
        return asked ? Optional.of(new Found(QuestionKind.CLOSED, sentence)) : Optional.empty();
    }

    /** A question opening the words: a wh-word or an inverted auxiliary. */
    private static Optional<QuestionKind> atStart(List<String> words) {
        Optional<QuestionKind> whKind = whQuestion(words, 0);
        if (whKind.isPresent()) {
            return whKind;
        }
        if (isInverted(words) && !AskingCues.isRequestToAct(words, 0)) {
            return Optional.of(isOpenRequest(words) ? QuestionKind.OPEN : QuestionKind.CLOSED);
        }
        if (DeclarativeCues.declarativeAt(words, 0)) {
            return Optional.of(QuestionKind.CLOSED);
        }
        if (DeclarativeCues.youKnowAt(words, 0)) {
            return Optional.of(kindOfWh(words, 2));
        }
        return AskingCues.invitationAt(words, 0);
    }

    /** A question starting at word {@code i} of an unpunctuated utterance, after other words. */
    private static Optional<QuestionKind> inside(List<String> words, int i) {
        String previous = words.get(i - 1);
        String word = words.get(i);
        String next = words.get(i + 1);
        int trailing = words.size() - i;
        if (SENTENCE_OPENER.contains(previous) && !SENTENCE_OPENER.contains(word) && !isCleftVerb(words, i)) {
            int from = i;
            while (from + 1 < words.size() && DISCOURSE_MARKER.contains(words.get(from))) {
                from++; // "exactly and what about the brakes"
            }
            Optional<QuestionKind> opened = atStart(words.subList(from, words.size()));
            if (opened.isPresent()) {
                return opened;
            }
        }
        if (WH.contains(word) && (DO.contains(next) || MODAL_OR_HAVE.contains(next))) {
            return Optional.of(kindOfWh(words, i)); // an embedded clause does not invert: "I know where it goes"
        }
        if ((PHRASE_WH.contains(word) || word.equals("why")) && BE.contains(next) && i + 2 < words.size()
                && BE_SUBJECT.contains(words.get(i + 2)) && asksAfter(previous)
                && trailing <= MAX_TRAILING_QUESTION_WORDS) {
            return Optional.of(kindOfWh(words, i)); // "… three straight sides what is it called"
        }
        if (isWhContraction(word) && !word.startsWith("who") && !EMBEDDING.contains(previous)
                && (DETERMINER.contains(next) || BE_SUBJECT.contains(next)
                || word.equals("what's") && DeclarativeCues.isNumber(next)) // "… in tests what's one thousand…"
                && !CONTRACTION_EMBEDDING.contains(previous) && trailing <= MAX_TRAILING_QUESTION_WORDS) {
            return Optional.of(kindOfWh(words, i)); // "… a pound coin what's my change", "… the cane why's that"
        }
        if (WH.contains(word) && !EMBEDDING_VERB.contains(previous)
                && (next.equals("about") || (word.equals("how") && next.equals("come")))) {
            return Optional.of(QuestionKind.OPEN); // "... so what about the third one", "... how come"
        }
        if (word.equals("how") && next.equals("so") && trailing == 2 && !EMBEDDING.contains(previous)) {
            return Optional.of(QuestionKind.OPEN); // "… different again how so"
        }
        if (trailing == 2 && asksAfter(previous) && (word.equals("what") && next.equals("else")
                || whBase(word).equals("who") && (next.equals("else") || next.equals("next")))) {
            return Optional.of(word.equals("what") ? QuestionKind.OPEN : QuestionKind.CLOSED); // "… square what else"
        }
        if (word.equals("which") && next.equals("of") && i + 2 < words.size() && asksAfter(previous)
                && (DETERMINER.contains(words.get(i + 2)) || OBJECT_PRONOUN.contains(words.get(i + 2)))
                && trailing <= MAX_TRAILING_QUESTION_WORDS) {
            return Optional.of(kindOfWh(words, i)); // "… the saxons and the jutes which of those gave england…"
        }
        if (AskingCues.subjectQuestionAt(words, i)) {
            return Optional.of(kindOfWh(words, i));
        }
        if (PHRASE_WH.contains(word) && !isPersonalPronoun(next) && !DETERMINER.contains(next)
                && asksAfter(previous)) {
            boolean ownSubject = false; // after the wh-phrase: "how far the cliff edge was", an embedded clause
            for (int j = i + 2; j + 1 < words.size() && j <= i + 1 + MAX_WH_PHRASE_WORDS; j++) {
                if (isInvertedAfterPhrase(words.get(j), words.get(j + 1))) {
                    return Optional.of(kindOfWh(words, i)); // "how many corners does a pentagon have"
                }
                ownSubject |= isPersonalPronoun(words.get(j)) || DETERMINER.contains(words.get(j));
                if (!ownSubject && isAuxiliary(words.get(j)) && SUBJECT_PHRASE_WH.contains(word)
                        && (!word.equals("how") || HOW_CLOSED.contains(next))
                        && trailing <= MAX_TRAILING_QUESTION_WORDS) {
                    return Optional.of(kindOfWh(words, i)); // "… none which other capital letters have one"
                }
            }
        }
        boolean clauseStart = !STATEMENT_BEFORE_AUX.contains(previous) && !isAuxiliary(previous)
                && !WH.contains(previous) && words.size() - i <= MAX_TRAILING_QUESTION_WORDS
                && words.subList(Math.max(0, i - SUBORDINATOR_LOOKBACK), i).stream()
                .noneMatch(SUBORDINATOR::contains);
        List<String> rest = words.subList(i, words.size());
        if (clauseStart && ((DO.contains(word) && (DO_SUBJECT.contains(next) || isDoQuestion(rest)))
                || (MODAL.contains(word) && DO_SUBJECT.contains(next) && !AskingCues.isRequestToAct(words, i))
                || (ASKING_MODAL.contains(word) && SUBJECT_DETERMINER.contains(next)
                && !DETERMINER.contains(previous)))) { // "… from here to the door would a cannon get through"
            return Optional.of(isOpenRequest(rest) ? QuestionKind.OPEN : QuestionKind.CLOSED);
        }
        if (clauseStart && (BE.contains(word) || HAVE.contains(word)) && !NEGATIVE_AUX.contains(word)
                && INVERTED_SUBJECT.contains(next) && !(i + 2 < words.size() && isRelativeStart(words.get(i + 2)))) {
            return Optional.of(QuestionKind.CLOSED); // "… radiator team has anything happened"
        }
        if (clauseStart && HAVE.contains(word) && DO_SUBJECT.contains(next) && rest.size() > 2
                && isParticiple(rest.get(2))) {
            return Optional.of(QuestionKind.CLOSED); // "… just a sensible one have you heard anybody round…"
        }
        if (clauseStart && BE.contains(word) && BE_SUBJECT.contains(next)
                && rest.subList(2, rest.size()).contains("or")) {
            return Optional.of(QuestionKind.CLOSED); // "… forty pence is that right or is it fifty"
        }
        if (clauseStart && BE.contains(word) && !NEGATIVE_AUX.contains(word) && comparesItsSubject(rest)) {
            return Optional.of(QuestionKind.CLOSED); // "… on the third bar is two fifths equal to four tenths"
        }
        if (DeclarativeCues.declarativeAt(words, i) && !SUBORDINATOR.contains(previous)) {
            return Optional.of(QuestionKind.CLOSED); // "… only one teacher you reckon they were quiet"
        }
        if (DeclarativeCues.youKnowAt(words, i) && !SUBORDINATOR.contains(previous)) {
            return Optional.of(kindOfWh(words, i + 2)); // "… the eating you know why we draw it that way"
        }
        if (words.size() - i <= MAX_TRAILING_QUESTION_WORDS && AskingCues.mayInviteAfter(previous)) {
            return AskingCues.invitationAt(words, i);
        }
        return Optional.empty();
    }

    /**
     * A be-verb, a short subject and a comparison ("is two fifths equal to…", "is that pushing force the same…", "is
     * the big ball heavier than…"): a statement puts the comparison straight after its be-verb ("the top is the same
     * as…"). A measure before a comparative keeps it a statement ("is a lot bigger than", "is two metres longer
     * than"), so after a number only "equal" and "the same" count.
     */
    private static boolean comparesItsSubject(List<String> rest) {
        if (rest.size() < 4) {
            return false;
        }
        String subject = rest.get(1);
        boolean measured = DeclarativeCues.isNumber(subject);
        if (!measured && !BE_SUBJECT.contains(subject) && !DETERMINER.contains(subject)) {
            return false;
        }
        for (int j = 2; j + 1 < rest.size() && j <= MAX_COMPARED_SUBJECT_WORDS + 1; j++) {
            String w = rest.get(j);
            String next = rest.get(j + 1);
            if (isAuxiliary(w) || PERSONAL_PRONOUN.contains(w) || MEASURE.contains(w)) {
                return false;
            }
            if (w.equals("equal") || w.equals("the") && next.equals("same")
                    || !measured && w.endsWith("er") && next.equals("than")) {
                return true;
            }
        }
        return false;
    }

    /** A past participle after "have you": a regular one (-ed, -en) or a common irregular one. */
    private static boolean isParticiple(String word) {
        return word.length() > 3 && (word.endsWith("ed") || word.endsWith("en")) || IRREGULAR_PARTICIPLE.contains(word);
    }

    /** A word that starts a clause about the word before it: "… is anything you like", "… is everyone who came". */
    private static boolean isRelativeStart(String word) {
        return isPersonalPronoun(word) || word.equals("who") || word.equals("that") || word.equals("which");
    }

    /**
     * Whether a wh-word followed by an inversion can ask after this word: not after an embedding word, but after an
     * object pronoun or a conjunction ("loads of them how many would you guess", "a triangle and how many corners
     * does a pentagon have").
     */
    private static boolean asksAfter(String previous) {
        return !EMBEDDING.contains(previous) || OBJECT_PRONOUN.contains(previous) || CONJUNCTION.contains(previous);
    }

    /**
     * After a wh-phrase: an auxiliary before its subject ("… have I eaten", "… is that"), a modal before a determiner
     * ("… should the whole report be in"), or an affirmative do-form.
     */
    private static boolean isInvertedAfterPhrase(String aux, String next) {
        return isAuxiliary(aux) && (DO_SUBJECT.contains(next) || next.equals("there"))
                || ASKING_MODAL.contains(aux) && SUBJECT_DETERMINER.contains(next) // "which tense should the…"
                || BE.contains(aux) && (next.equals("that") || next.equals("this")) // "how many minutes is that"
                || aux.equals("do") || aux.equals("does") || aux.equals("did");
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    /**
     * A be-verb closing the subject of a sentence that opens, shortly before it, with a wh-clause, not an inversion:
     * "what you need to do now is make a food chain".
     */
    private static boolean isCleftVerb(List<String> words, int i) {
        if (!BE.contains(words.get(i))) {
            return false;
        }
        for (int k = Math.max(0, i - MAX_CLEFT_WORDS); k < i; k++) {
            if (WH.contains(words.get(k)) && whQuestion(words, k).isEmpty()) {
                return true; // "… on purpose what we are going to do now is test five surfaces"
            }
        }
        return false;
    }

    /**
     * Words a question was found at that no speaker would say: its opening auxiliary (at {@code at} or after the
     * wh-word there) followed within two words by another auxiliary that is neither a repeat of it nor a possible
     * main verb ("don't you won't look", "what do both don't see"): a misheard stretch, as engines without a
     * language model of questions write it.
     */
    private static boolean isGarbled(List<String> words, int at) {
        int aux = isAuxiliary(words.get(at)) ? at
                : at + 1 < words.size() && isAuxiliary(words.get(at + 1)) ? at + 1 : -1;
        if (aux < 0) {
            return false;
        }
        for (int k = aux + 1; k <= aux + 2 && k < words.size(); k++) {
            String w = words.get(k);
            if (isAuxiliary(w) && !w.equals(words.get(aux)) && !MAIN_VERB_AUX.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** A word that can mark a question (a wh-word or an auxiliary), as {@link Text#words} spells it. */
    public static boolean isQuestionWord(String word) {
        return WH.contains(whBase(word)) || isAuxiliary(word);
    }

    /** The wh-word of a contraction ("what's" → "what", "who'd" → "who"); any other word as it is. */
    static String whBase(String word) {
        for (String ending : WH_CONTRACTION) {
            if (word.endsWith(ending) && WH.contains(word.substring(0, word.length() - ending.length()))) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    private static boolean isWhContraction(String word) {
        return !whBase(word).equals(word);
    }

    /** A personal pronoun, alone or contracted with an auxiliary ("we", "I'd", "you're"). */
    static boolean isPersonalPronoun(String word) {
        int apostrophe = word.indexOf('\'');
        return PERSONAL_PRONOUN.contains(apostrophe > 0 ? word.substring(0, apostrophe) : word);
    }

    static boolean isAuxiliary(String word) {
        return BE.contains(word) || DO.contains(word) || MODAL_OR_HAVE.contains(word);
    }

    /** A wh-word opening a question, not a subordinate clause ("when it rains"), nor an exclamation ("what a day"). */
    private static Optional<QuestionKind> whQuestion(List<String> words, int at) {
        String first = words.get(at);
        if (isWhContraction(first)) {
            return Optional.of(kindOfWh(words, at));
        }
        if (!WH.contains(first)) {
            return Optional.empty();
        }
        String next = at + 1 < words.size() ? words.get(at + 1) : "";
        boolean auxNext = BE.contains(next) || DO.contains(next) || MODAL_OR_HAVE.contains(next);
        boolean question = switch (first) {
            case "when", "where" -> auxNext;
            case "why" -> !isPersonalPronoun(next) && !DETERMINER.contains(next); // "why the French count..."
            case "how" -> auxNext || HOW_CLOSED.contains(next) || next.equals("come") || next.equals("about")
                    || next.equals("so") && at + 2 == words.size(); // "how so?"
            case "what" -> !next.equals("a") && !next.equals("an") && !isPersonalPronoun(next); // "what I'd like"
            default -> true;
        };
        return question ? Optional.of(kindOfWh(words, at)) : Optional.empty();
    }

    static QuestionKind kindOfWh(List<String> words, int at) {
        String wh = whBase(words.get(at));
        String next = at + 1 < words.size() ? words.get(at + 1) : "";
        if (CLOSED_WH.contains(wh) || (wh.equals("how") && HOW_CLOSED.contains(next))) {
            return QuestionKind.CLOSED;
        }
        if (wh.equals("what") && asksForANumber(words, words.get(at).endsWith("'s") ? at + 1 : at + 2)
                && (words.get(at).endsWith("'s") || BE.contains(next))) {
            return QuestionKind.CLOSED; // "what is seven times eight"
        }
        return QuestionKind.OPEN;
    }

    private static boolean asksForANumber(List<String> words, int at) {
        return at < words.size() && DeclarativeCues.isNumber(words.get(at));
    }

    private static boolean isInverted(List<String> words) {
        if (words.size() < 2) {
            return false;
        }
        String first = words.get(0);
        String second = words.get(1);
        return (BE.contains(first) && !second.endsWith("ing")) || (DO.contains(first) && (DO_SUBJECT.contains(second) || isDoQuestion(words)))
                || (MODAL.contains(first) && SUBJECT.contains(second))
                || (HAVE.contains(first) && SUBJECT.contains(second) && !second.equals("a") && !second.equals("an"));
    }

    /**
     * A do-form, then a determiner: "does the", "did the" ask; "do the" asks when a plural subject follows ("do the
     * leaves stay green") that is not told where or when to be done ("do the exercises on page four").
     */
    private static boolean isDoQuestion(List<String> words) {
        if (!DETERMINER.contains(words.get(1))) {
            return false;
        }
        if (DO_NOT_IMPERATIVE.contains(words.get(0))) {
            return true;
        }
        if (!PLURAL_DETERMINER.contains(words.get(1))) {
            return false;
        }
        for (int k = 2; k < Math.min(words.size(), 5); k++) {
            String w = words.get(k);
            if (PLURAL_PEOPLE.contains(w) || (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3)) {
                return k + 1 < words.size() && !INSTRUCTION_FOLLOWER.contains(words.get(k + 1));
            }
        }
        return false;
    }

    /** "Can anyone tell me what happens ...", "Could you explain ...": a yes/no frame around an open request. */
    private static boolean isOpenRequest(List<String> words) {
        if (words.size() < 3 || !REQUEST_VERB.contains(words.get(2))) {
            return false;
        }
        return OPEN_REQUEST_VERB.contains(words.get(2))
                || words.subList(3, words.size()).stream().anyMatch(w -> WH.contains(w) && !w.equals("which"));
    }
}
