package org.classreflect.worker.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void caseTitlesPunctuationAndNumbersBecomeOneForm() {
        assertThat(TextNormalizer.words("Mr. Quilter is the apostle of the middle-classes, and we are glad!"))
                .containsExactly("mister", "quilter", "is", "the", "apostle", "of", "the", "middle", "classes", "and",
                        "we", "are", "glad");
        assertThat(TextNormalizer.words("'This fair child of mine' feed'st 42 1961 0"))
                .containsExactly("this", "fair", "child", "of", "mine", "feed'st", "forty", "two", "one", "thousand",
                        "nine", "hundred", "sixty", "one", "zero");
        assertThat(TextNormalizer.words("  ...  ")).isEmpty();
    }

    @Test
    void wordErrorRateCountsSubstitutionsDeletionsAndInsertions() {
        List<String> reference = List.of("ask", "not", "what", "your", "country", "can", "do");
        assertThat(WordErrorRate.of(reference, reference).errors()).isZero();
        assertThat(WordErrorRate.of(reference, List.of("ask", "what", "your", "county", "can", "do", "now")).errors())
                .isEqualTo(3);
        assertThat(WordErrorRate.of(reference, List.of()).rate()).isEqualTo(1.0);
        assertThat(WordErrorRate.of(List.of("a"), List.of("b", "c")).rate()).isEqualTo(2.0);
    }
}
