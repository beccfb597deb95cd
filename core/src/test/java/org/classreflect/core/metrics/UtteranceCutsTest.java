package org.classreflect.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UtteranceCutsTest {

    @Test
    void givesEachWordToThePartHoldingItsMiddleInProportionToTheCharacters() {
        // 20 letters over 4 s of even speech: "what" ends at 0.8 s, "is" at 1.2 s, "this" at 2.0 s, "it's" at 2.8 s
        Utterance u = new Utterance(10, 14, "what is this? it's a magnet");

        List<Utterance> parts = UtteranceCuts.cut(u, List.of(12.1), List.of(2.1, 1.9));

        assertThat(parts).containsExactly(new Utterance(10, 12.1, "what is this?"),
                new Utterance(12.1, 14, "it's a magnet"));
    }

    @Test
    void laysTheWordsOverTheSpeechNotOverThePauses() {
        // the first part is mostly pause: 13 of the 44 loud frames, room for "what is" only (7 of 21 letters); by
        // clock time its 2.1 s of 4 would also take "this"
        Utterance u = new Utterance(10, 14, "what is this it's a magnet");

        List<Utterance> parts = UtteranceCuts.cut(u, List.of(12.1), List.of(13.0, 31.0));

        assertThat(parts).containsExactly(new Utterance(10, 12.1, "what is"),
                new Utterance(12.1, 14, "this it's a magnet"));
    }

    @Test
    void movesACutToTheEndOfASentenceNearby() {
        // by its share of the speech (24 of 39), the teacher's part ends after "hasn't": a word short of the question
        Utterance u = new Utterance(0, 4, "So it's got one line, hasn't it? Yes, one.");

        List<Utterance> parts = UtteranceCuts.cut(u, List.of(3.0), List.of(24.0, 15.0));

        assertThat(parts).extracting(Utterance::text).containsExactly("So it's got one line, hasn't it?", "Yes, one.");
    }

    @Test
    void movesACutBeforeAnAnswerWhenTheWordsAreNotPunctuated() {
        Utterance u = new Utterance(0, 4, "so it's got one line hasn't it yes just one");

        List<Utterance> parts = UtteranceCuts.cut(u, List.of(3.0), List.of(20.0, 16.0));

        assertThat(parts).extracting(Utterance::text).containsExactly("so it's got one line hasn't it",
                "yes just one");
    }

    @Test
    void movesACutToTheEndOfATag() {
        // by its speech, the teacher's part ends after "doesn't", the tag's pronoun going to the student's answer
        Utterance u = new Utterance(0, 4, "its beak looks like a dagger doesn't it like a sword");

        List<Utterance> parts = UtteranceCuts.cut(u, List.of(3.0), List.of(30.0, 14.0));

        assertThat(parts).extracting(Utterance::text).containsExactly("its beak looks like a dagger doesn't it",
                "like a sword");
    }

    @Test
    void movesACutNoFurtherThanAFewWords() {
        // placed before "five", four words from the answer
        Utterance u = new Utterance(0, 4, "one yes two three four five six seven eight nine");

        List<Utterance> parts = UtteranceCuts.cut(u, List.of(3.0), List.of(19.0, 22.0));

        assertThat(parts).extracting(Utterance::text).containsExactly("one yes two three four",
                "five six seven eight nine");
    }

    @Test
    void laysTheWordsOverClockTimeWhenNoSpeechWasHeard() {
        Utterance u = new Utterance(10, 14, "what is this? it's a magnet");

        assertThat(UtteranceCuts.cut(u, List.of(12.1), List.of(0.0, 0.0)))
                .isEqualTo(UtteranceCuts.cut(u, List.of(12.1), List.of(2.1, 1.9)));
    }

    @Test
    void keepsEveryWordOnceAndThePartsCoverTheUtterance() {
        Utterance u = new Utterance(0, 9, "one two three four five six seven eight nine");

        List<Utterance> parts = UtteranceCuts.cut(u, List.of(2.2, 2.6, 6.0), List.of(2.2, 0.4, 3.4, 3.0));

        assertThat(parts).hasSize(4);
        assertThat(String.join(" ", parts.stream().map(Utterance::text).filter(t -> !t.isEmpty()).toList()))
                .isEqualTo(u.text());
        assertThat(parts.get(1).text()).isEmpty(); // 0.4 s holds no word's middle: its time still counts
        assertThat(parts.stream().mapToDouble(Utterance::seconds).sum()).isEqualTo(u.seconds());
    }

    @Test
    void eachPartKeepsTheEngineConfidenceInItsWords() {
        // as above: "what is this?" before 12.1 s, "it's a magnet" after; the question detector doubts unsure words
        Utterance u = new Utterance(10, 14, "what is this? it's a magnet", List.of(0.9, 0.8, 0.7, 0.3, 0.2, 0.1));

        List<Utterance> parts = UtteranceCuts.cut(u, List.of(12.1), List.of(2.1, 1.9));

        assertThat(parts.get(0).wordConfidences()).containsExactly(0.9, 0.8, 0.7);
        assertThat(parts.get(1).wordConfidences()).containsExactly(0.3, 0.2, 0.1);
    }

    @Test
    void refusesCutsOutsideTheUtteranceOrOutOfOrderOrSpeechNotGivenPerPart() {
        Utterance u = new Utterance(1, 3, "a b");

        assertThatThrownBy(() -> UtteranceCuts.cut(u, List.of(3.0), List.of(1.0, 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UtteranceCuts.cut(u, List.of(2.5, 2.0), List.of(1.0, 1.0, 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UtteranceCuts.cut(u, List.of(2.0), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UtteranceCuts.cut(u, List.of(2.0), List.of(1.0, -1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
