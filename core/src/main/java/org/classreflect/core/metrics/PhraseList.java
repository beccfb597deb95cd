package org.classreflect.core.metrics;

import java.util.List;

/** A named list of phrases counted in what was said, matched on whole words, case and punctuation ignored. */
public final class PhraseList {

    /** Hesitation sounds and hedges. "Like", "so", "kind of", "sort of" are left out: mostly they are plain words. */
    public static final PhraseList FILLERS = new PhraseList("filler words", List.of(
            "um", "umm", "uh", "uhh", "er", "erm", "hmm", "mm", "you know", "i mean"));

    public static final PhraseList PRAISE = new PhraseList("praise", List.of(
            "well done", "good job", "great job", "excellent", "brilliant", "fantastic", "great work",
            "good work", "nice work", "great thinking", "good thinking", "great explanation", "great answer",
            "good answer", "i love that", "perfect", "awesome", "super", "exactly", "that's right", "spot on",
            "good idea", "great idea"));

    public static final PhraseList CHECKS_FOR_UNDERSTANDING = new PhraseList("checks for understanding", List.of(
            "do you understand", "does that make sense", "does everyone understand", "any questions",
            "is that clear", "are you with me", "thumbs up", "makes sense", "who can explain",
            "can you explain why", "what did i just say", "everyone clear", "are we clear"));

    private final String name;
    private final List<String> phrases;
    private final List<List<String>> phraseWords;

    public PhraseList(String name, List<String> phrases) {
        this.name = name;
        this.phrases = List.copyOf(phrases);
        this.phraseWords = this.phrases.stream().map(Text::words).toList();
    }

    public String name() {
        return name;
    }

    public List<String> phrases() {
        return phrases;
    }

    /** How many times any phrase of the list is said in the text. */
    public int count(String text) {
        List<String> words = Text.words(text);
        return phraseWords.stream().mapToInt(p -> Text.occurrences(words, p)).sum();
    }
}
