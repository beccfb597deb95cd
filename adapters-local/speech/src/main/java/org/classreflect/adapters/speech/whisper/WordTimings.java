package org.classreflect.adapters.speech.whisper;

import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Word;

/**
 * Word times estimated from segment times. whisper-jni 1.7.1 exposes no token data (no {@code fullNTokens} or token
 * timestamps), so each segment's time is shared among its words in proportion to their length in characters:
 * good to about a word either way, not the timing of the speech itself. Words carry no confidence.
 */
final class WordTimings {

    private WordTimings() {
    }

    static List<Word> of(List<Segment> segments) {
        List<Word> words = new ArrayList<>();
        for (Segment segment : segments) {
            words.addAll(of(segment));
        }
        return words;
    }

    static List<Word> of(Segment segment) {
        String text = segment.text().trim();
        if (text.isEmpty()) {
            return List.of();
        }
        String[] parts = text.split("\\s+");
        int totalCharacters = 0;
        for (String part : parts) {
            totalCharacters += part.length();
        }
        double duration = segment.end() - segment.start();
        List<Word> words = new ArrayList<>(parts.length);
        int charactersBefore = 0;
        for (int i = 0; i < parts.length; i++) {
            double start = segment.start() + duration * charactersBefore / totalCharacters;
            charactersBefore += parts[i].length();
            double end = i == parts.length - 1 ? segment.end()
                    : segment.start() + duration * charactersBefore / totalCharacters;
            words.add(new Word(start, Math.max(start, end), parts[i], null));
        }
        return words;
    }
}
