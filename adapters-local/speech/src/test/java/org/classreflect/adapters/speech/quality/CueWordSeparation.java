package org.classreflect.adapters.speech.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.classreflect.core.metrics.QuestionDetector;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.Word;

/**
 * How well pocketsphinx's word confidence tells a rightly heard question cue from a misheard one: every word that can
 * open a question ({@link QuestionDetector#isQuestionWord}) with the word after it, in the turns of the given lessons,
 * is right when both match the script (minimal edit alignment within the turn). Printed per threshold on the pair's
 * mean confidence: the share of right pairs kept, of misheard pairs kept, and the difference (Youden's J).
 */
final class CueWordSeparation {

    /** Words whose middle lies this close outside a turn still belong to it (the recogniser's times drift a little). */
    private static final double TURN_SLACK_SECONDS = 0.2;
    private static final int STEPS = 20;

    private record Pair(double confidence, boolean right) {
    }

    private CueWordSeparation() {
    }

    static void print(List<String> lessons) throws Exception {
        List<Pair> pairs = new ArrayList<>();
        for (String lesson : lessons) {
            LessonTruth truth = Lessons.generate(lesson);
            Transcription heard = LessonQualityHarness.pocketsphinx(truth.wav());
            for (LessonTruth.Turn turn : truth.turns()) {
                pairs.addAll(pairs(turn, heard.words().stream().filter(w -> within(w, turn)).toList()));
            }
        }
        long right = pairs.stream().filter(Pair::right).count();
        long wrong = pairs.size() - right;
        System.out.printf(Locale.ROOT, "question word + next word in pocketsphinx's transcripts of %s: %d pairs, "
                + "%d heard rightly, %d misheard%n", lessons, pairs.size(), right, wrong);
        System.out.printf("%-15s %10s %10s %6s%n", "min confidence", "right kept", "wrong kept", "J");
        for (int step = 0; step <= STEPS; step++) {
            double threshold = step / (double) STEPS;
            double rightKept = pairs.stream().filter(p -> p.right() && p.confidence() >= threshold).count()
                    / (double) Math.max(1, right);
            double wrongKept = pairs.stream().filter(p -> !p.right() && p.confidence() >= threshold).count()
                    / (double) Math.max(1, wrong);
            System.out.printf(Locale.ROOT, "%-15.2f %10.2f %10.2f %6.2f%n", threshold, rightKept, wrongKept,
                    rightKept - wrongKept);
        }
    }

    private static boolean within(Word w, LessonTruth.Turn turn) {
        double middle = (w.start() + w.end()) / 2;
        return middle >= turn.start() - TURN_SLACK_SECONDS && middle <= turn.end() + TURN_SLACK_SECONDS;
    }

    private static List<Pair> pairs(LessonTruth.Turn turn, List<Word> heard) {
        List<String> said = List.of(LessonQualityHarness.bare(turn.text()).strip().split("\\s+"));
        List<String> words = heard.stream().map(w -> w.text().toLowerCase(Locale.ROOT)).toList();
        boolean[] rightly = WordAlignment.heardRightly(said, words);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < heard.size(); i++) {
            if (QuestionDetector.isQuestionWord(words.get(i))) {
                pairs.add(new Pair((heard.get(i).confidence() + heard.get(i + 1).confidence()) / 2,
                        rightly[i] && rightly[i + 1]));
            }
        }
        return pairs;
    }
}
