package org.classreflect.core.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteLocatorTest {

    private final QuoteLocator locator = new QuoteLocator(Lessons.fractions().excerpts());

    @Test
    void ignoresCasePunctuationAndSpacing() {
        assertThat(locator.find("why do you think a HALF is bigger than a third"))
                .containsExactly(new QuoteLocator.Span(12.5, 20));
        assertThat(locator.find("“Nearly!”  Check the denominator again")).containsExactly(new QuoteLocator.Span(725, 760));
        assertThat(QuoteLocator.normalise("We’re — well-known…")).isEqualTo("we re well known");
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(locator.find("orning everyone")).isEmpty();
        assertThat(locator.find("bigge")).isEmpty();
    }

    @Test
    void aQuoteMayRunIntoTheNextExcerptButNotAcrossAGap() {
        assertThat(locator.find("looking at fractions. Why do you think"))
                .containsExactly(new QuoteLocator.Span(5, 20));
        assertThat(locator.find("bigger than a third? Nearly!")).isEmpty();
    }

    @Test
    void findsEveryPlaceAQuoteWasSaid() {
        assertThat(locator.find("bigger")).containsExactly(new QuoteLocator.Span(12.5, 20),
                new QuoteLocator.Span(725, 760));
    }

    @Test
    void inventedOrEmptyQuotesAreNotFound() {
        assertThat(locator.find("Excellent work, everyone!")).isEmpty();
        assertThat(locator.find(" ... ")).isEmpty();
    }

    @Test
    void everyRunOfWordsOfAnExcerptIsFoundWithinThatExcerpt() {
        TranscriptExcerpt excerpt = new TranscriptExcerpt(30, 41,
                "So, if we share the pizza between four people, what does each person get?");
        QuoteLocator one = new QuoteLocator(List.of(new TranscriptExcerpt(0, 29, "Right."), excerpt));
        String[] words = excerpt.text().split(" ");
        qt().forAll(integers().between(0, words.length - 1), integers().between(1, words.length))
                .checkAssert((from, n) -> assertThat(one.find(String.join(" ",
                        List.of(words).subList(from, Math.min(from + n, words.length)))))
                        .contains(new QuoteLocator.Span(30, 41)));
    }
}
