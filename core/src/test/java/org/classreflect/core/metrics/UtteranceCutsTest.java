package org.classreflect.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UtteranceCutsTest {

    /**
     * 20 letters over 4 s: with even speech (2.1 and 1.9 of it) "this" ends at 2.0 s, before the cut; when the first
     * part is mostly pause (13 of 44 loud frames) it has room for "what is" only.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2.1|1.9|what is this|it's a magnet",
            "13|31|what is|this it's a magnet",
    })
    void givesEachWordToThePartHoldingItsMiddleInProportionToTheCharactersOverTheSpeech(double before, double after,
                                                                                        String first, String second) {
        Utterance u = new Utterance(10, 14, "what is this it's a magnet");

        List<Utterance> parts = UtteranceCuts.cut(u, List.of(12.1), List.of(before, after));

        assertThat(parts).containsExactly(new Utterance(10, 12.1, first), new Utterance(12.1, 14, second));
    }

    /**
     * Placed by its share of the speech, the cut falls a word or two off the turn's edge ("…hasn't | it? Yes"), and
     * moves there; not when the edge is more than three words away (the last: placed before "five").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "So it's got one line, hasn't it? Yes, one.|24|15|So it's got one line, hasn't it?|Yes, one.",
            "so it's got one line hasn't it yes just one|20|16|so it's got one line hasn't it|yes just one",
            "a beak like a dagger doesn't it like a sword|21|14|a beak like a dagger doesn't it|like a sword",
            "one yes two three four five six seven eight nine|19|22|one yes two three four|five six seven eight nine",
    })
    void movesACutToWhereTheWordsSayATurnMayChange(String text, double before, double after, String first,
                                                   String second) {
        List<Utterance> parts = UtteranceCuts.cut(new Utterance(0, 4, text), List.of(3.0), List.of(before, after));

        assertThat(parts).extracting(Utterance::text).containsExactly(first, second);
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
