package org.classreflect.core.analysis;

import java.util.List;

/** A named list of phrases counted in what was said, matched on whole words, case and punctuation ignored. */
public record PhraseList(String name, List<String> phrases) {

    /** Hesitation sounds and empty hedges. "Like" and "so" are left out: they are mostly ordinary words. */
    public static final PhraseList FILLERS = new PhraseList("filler words", List.of(
            "um", "umm", "uh", "uhh", "er", "erm", "hmm", "mm", "you know", "i mean", "sort of", "kind of"));

    public static final PhraseList PRAISE = new PhraseList("praise", List.of(
            "well done", "good job", "great job", "excellent", "brilliant", "fantastic", "great work",
            "good work", "nice work", "great thinking", "good thinking", "great explanation", "great answer",
            "good answer", "i love that", "perfect", "awesome", "super", "exactly", "that's right", "spot on",
            "good idea", "great idea"));

    public static final PhraseList CHECKS_FOR_UNDERSTANDING = new PhraseList("checks for understanding", List.of(
            "do you understand", "does that make sense", "does everyone understand", "any questions",
            "is that clear", "are you with me", "thumbs up", "makes sense", "who can explain",
            "can you explain why", "what did i just say", "everyone clear", "are we clear"));

    public PhraseList {
        phrases = List.copyOf(phrases);
    }

    /** How many times any phrase of the list is said in the text. */
    public int count(String text) {
        List<String> words = Text.words(text);
        return phrases.stream().mapToInt(p -> Text.occurrences(words, Text.words(p))).sum();
    }
}
