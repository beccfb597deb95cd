package org.classreflect.adapters.speech.pocketsphinx;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Word;

/**
 * Reads what {@code pocketsphinx_continuous -time yes} prints, line by line: per utterance a line of text, then a
 * word table {@code word start end confidence} from {@code <s>} to {@code </s>}. Becomes one segment per utterance
 * and its words, without the silence and noise markers and without the dictionary's alternate-pronunciation suffix
 * ({@code can(2)} is "can").
 */
final class PocketsphinxOutput {

    private static final Pattern WORD_LINE =
            Pattern.compile("(\\S+) (\\d+(?:\\.\\d+)?) (\\d+(?:\\.\\d+)?) (-?\\d+(?:\\.\\d+)?)");
    private static final Pattern ALTERNATE = Pattern.compile("\\(\\d+\\)$");

    private final double audioSeconds;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Word> words = new ArrayList<>();
    private final List<Word> utterance = new ArrayList<>();
    private double lastEnd;

    PocketsphinxOutput(double audioSeconds) {
        this.audioSeconds = audioSeconds;
    }

    void line(String line) {
        Matcher m = WORD_LINE.matcher(line.strip());
        if (!m.matches()) {
            return; // the utterance's text line: the words below carry the same text, with times
        }
        String token = m.group(1);
        if (token.equals("<s>")) {
            utterance.clear();
        } else if (token.equals("</s>")) {
            endUtterance();
        } else if (isSpoken(token)) {
            double start = Math.max(lastEnd, Math.min(Double.parseDouble(m.group(2)), audioSeconds));
            double end = Math.max(start, Math.min(Double.parseDouble(m.group(3)), audioSeconds));
            double confidence = Math.max(0, Math.min(1, Double.parseDouble(m.group(4))));
            utterance.add(new Word(start, end, ALTERNATE.matcher(token).replaceFirst(""), confidence));
            lastEnd = end;
        }
    }

    /** How far into the audio the recogniser has got, in seconds. */
    double position() {
        return lastEnd;
    }

    List<Segment> segments() {
        endUtterance(); // a table cut short (the program stopped mid-utterance) still counts
        return List.copyOf(segments);
    }

    List<Word> words() {
        endUtterance();
        return List.copyOf(words);
    }

    private void endUtterance() {
        if (utterance.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        for (Word w : utterance) {
            text.append(text.length() == 0 ? "" : " ").append(w.text());
            confidence += w.confidence();
        }
        segments.add(new Segment(utterance.get(0).start(), utterance.get(utterance.size() - 1).end(),
                text.toString(), confidence / utterance.size()));
        words.addAll(utterance);
        utterance.clear();
    }

    private static boolean isSpoken(String token) {
        return !token.equals("<sil>") && !token.startsWith("[") && !token.startsWith("+") && !token.startsWith("<");
    }
}
