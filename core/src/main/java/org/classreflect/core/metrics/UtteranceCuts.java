package org.classreflect.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an utterance at given times (where the voice changes inside it). An utterance carries no word times, so each
 * word is placed in proportion to the characters before it, and goes to the part holding its middle with the engine's
 * confidence in it; a part may be left without words, its speech time still counted.
 */
public final class UtteranceCuts {

    private UtteranceCuts() {
    }

    /** The parts of {@code u} between the given times, which must lie inside it in increasing order. */
    public static List<Utterance> cut(Utterance u, List<Double> times) {
        double previous = u.start();
        for (double t : times) {
            if (t <= previous || t >= u.end()) {
                throw new IllegalArgumentException("cut times must increase strictly inside the utterance");
            }
            previous = t;
        }
        String[] words = u.text().isBlank() ? new String[0] : u.text().strip().split("\\s+");
        int characters = 0;
        for (String w : words) {
            characters += w.length();
        }
        List<StringBuilder> texts = new ArrayList<>();
        List<List<Double>> confidences = new ArrayList<>();
        for (int p = 0; p <= times.size(); p++) {
            texts.add(new StringBuilder());
            confidences.add(new ArrayList<>());
        }
        int before = 0;
        int counted = 0;
        for (String w : words) {
            double middle = u.start() + u.seconds() * (before + w.length() / 2.0) / characters;
            before += w.length();
            int part = 0;
            while (part < times.size() && middle >= times.get(part)) {
                part++;
            }
            texts.get(part).append(texts.get(part).isEmpty() ? "" : " ").append(w);
            int counts = Text.words(w).size(); // a written token may hold no word or several ("well-known")
            confidences.get(part).addAll(u.wordConfidences().subList(counted, counted + counts));
            counted += counts;
        }
        List<Utterance> parts = new ArrayList<>();
        for (int p = 0; p <= times.size(); p++) {
            parts.add(new Utterance(p == 0 ? u.start() : times.get(p - 1),
                    p == times.size() ? u.end() : times.get(p), texts.get(p).toString(), confidences.get(p)));
        }
        return List.copyOf(parts);
    }
}
