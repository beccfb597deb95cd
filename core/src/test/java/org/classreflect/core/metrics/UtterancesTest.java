package org.classreflect.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Word;
import org.junit.jupiter.api.Test;

class UtterancesTest {

    @Test
    void wordsSeparatedByAPauseOfHalfASecondOrMoreStartANewUtterance() {
        Transcript t = transcript(List.of(new Segment(0, 2.0, "Hello class. Ready?", null)), List.of(
                new Word(0.0, 0.4, " Hello", null), new Word(0.5, 0.9, " class.", null),
                new Word(1.5, 2.0, " Ready?", null)));

        assertThat(Utterances.of(t)).containsExactly(
                new Utterance(0.0, 0.9, "Hello class."), new Utterance(1.5, 2.0, "Ready?"));
    }

    @Test
    void segmentsServeWhenTheEngineGaveNoWordTimes() {
        Transcript t = transcript(List.of(new Segment(0, 3, "One two.", null), new Segment(3.2, 5, "Three.", null),
                new Segment(5.1, 6, "  ", null), new Segment(8, 9, "Four?", null)), List.of());

        assertThat(Utterances.of(t)).containsExactly(
                new Utterance(0, 5, "One two. Three."), new Utterance(8, 9, "Four?"));
    }

    @Test
    void theEnginesWordConfidencesFollowTheirWordsIntoTheUtterances() {
        Transcript t = transcript(List.of(), List.of(new Word(0.0, 0.4, "will", 0.3),
                new Word(0.5, 0.9, "we", null), new Word(1.0, 1.4, "don't", 0.9), new Word(2.0, 2.5, "go", 0.6)));

        assertThat(Utterances.of(t)).containsExactly(
                new Utterance(0.0, 1.4, "will we don't", List.of(0.3, Double.NaN, 0.9)),
                new Utterance(2.0, 2.5, "go", List.of(0.6)));
    }

    @Test
    void withoutWordTimesEachWordTakesItsSegmentsConfidence() {
        Transcript t = transcript(List.of(new Segment(0, 1, "Is it hot?", 0.7), new Segment(1.2, 2, "Yes.", null)),
                List.of());

        assertThat(Utterances.of(t)).containsExactly(
                new Utterance(0, 2, "Is it hot? Yes.", List.of(0.7, 0.7, 0.7, Double.NaN)));
    }

    @Test
    void anUtteranceHasOneConfidencePerWord() {
        assertThatThrownBy(() -> new Utterance(0, 1, "two words", List.of(0.5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Utterance(0, 1, "Well, it's two words... three!").wordConfidences()).hasSize(5);
    }

    private static Transcript transcript(List<Segment> segments, List<Word> words) {
        return new Transcript("r1", "", "en", "test", "none", segments, words, words.size(), null, 0, 10,
                Instant.EPOCH);
    }
}
