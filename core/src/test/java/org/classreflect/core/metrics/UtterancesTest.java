package org.classreflect.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static Transcript transcript(List<Segment> segments, List<Word> words) {
        return new Transcript("r1", "", "en", "test", "none", segments, words, words.size(), null, 0, 10,
                Instant.EPOCH);
    }
}
