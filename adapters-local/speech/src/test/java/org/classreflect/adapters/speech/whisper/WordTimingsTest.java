package org.classreflect.adapters.speech.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Word;
import org.junit.jupiter.api.Test;

class WordTimingsTest {

    @Test
    void aSegmentsTimeIsSharedAmongItsWordsByTheirLength() {
        List<Word> words = WordTimings.of(new Segment(10.0, 12.0, " Open your books", null));

        assertThat(words).extracting(Word::text).containsExactly("Open", "your", "books");
        assertThat(words.get(0).start()).isEqualTo(10.0);
        assertThat(words.get(0).end()).isCloseTo(10.0 + 2.0 * 4 / 13, within(1e-9));
        assertThat(words.get(1).start()).isEqualTo(words.get(0).end());
        assertThat(words.get(2).start()).isCloseTo(10.0 + 2.0 * 8 / 13, within(1e-9));
        assertThat(words.get(2).end()).isEqualTo(12.0);
        assertThat(words).allSatisfy(w -> assertThat(w.confidence()).isNull());
    }

    @Test
    void wordsFollowTheSegmentsInOrder() {
        List<Word> words = WordTimings.of(List.of(new Segment(0, 1, "Good morning.", null),
                new Segment(1.5, 2, "Sit down.", null), new Segment(2, 2, "  ", null)));

        assertThat(words).extracting(Word::text).containsExactly("Good", "morning.", "Sit", "down.");
        assertThat(words).extracting(Word::start).isSorted();
    }
}
