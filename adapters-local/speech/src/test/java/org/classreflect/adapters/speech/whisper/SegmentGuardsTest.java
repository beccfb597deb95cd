package org.classreflect.adapters.speech.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class SegmentGuardsTest {

    private static Segment at(double start, double end, String text) {
        return new Segment(start, end, text, null);
    }

    @Test
    void blankAndSilenceMarkerSegmentsAreDropped() {
        List<Segment> kept = SegmentGuards.dropNonSpeech(List.of(at(0, 1, " "), at(1, 2, " [BLANK_AUDIO]"),
                at(2, 3, " ..."), at(3, 4, " (silence)"), at(4, 5, " Right, pens down."), at(5, 6, " [laughter]")));

        assertThat(kept).extracting(Segment::text).containsExactly(" Right, pens down.", " [laughter]");
    }

    @Test
    void aLoopOfTheSameSegmentIsKeptOnceButAPairIsKept() {
        List<Segment> loop = List.of(at(0, 1, " Thank you."), at(1, 2, " Thank you."), at(2, 3, " thank you"),
                at(3, 4, " Thank you."), at(4, 5, " Yes."), at(5, 6, " Yes."), at(6, 7, " Next question."));

        List<Segment> kept = SegmentGuards.collapseRepeatedSegments(loop);

        assertThat(kept).extracting(Segment::text)
                .containsExactly(" Thank you.", " Yes.", " Yes.", " Next question.");
        assertThat(kept.get(0).start()).isEqualTo(0);
        assertThat(kept.get(0).end()).isEqualTo(1);
    }

    @Test
    void aPhraseLoopingInsideASegmentIsKeptOnce() {
        Segment looping = at(0, 30, " So the answer is I think I think I think I think I think I think so.");

        assertThat(SegmentGuards.collapseRepeatedPhrases(looping).text()).isEqualTo(" So the answer is I think so.");
    }

    @Test
    void aSingleWordLoopIsKeptOnceButOrdinaryRepetitionStays() {
        assertThat(SegmentGuards.collapseRepeatedPhrases(at(0, 9, "the the the the the the the end")).text())
                .isEqualTo("the end");
        Segment emphatic = at(0, 2, " No, no, no, no.");
        assertThat(SegmentGuards.collapseRepeatedPhrases(emphatic)).isSameAs(emphatic);
    }

    @Test
    void segmentsPastTheEndOfTheAudioAreDroppedOrCut() {
        List<Segment> kept = SegmentGuards.withinAudio(List.of(at(0, 5, "a"), at(9, 12, "b"), at(10, 11, "c")), 10.0);

        assertThat(kept).containsExactly(at(0, 5, "a"), at(9, 10, "b"));
    }

    @Test
    void overlappingOrUnorderedSegmentsBecomeOrderedAndDisjoint() {
        List<Segment> kept = SegmentGuards.monotonic(List.of(at(5, 8, "c"), at(0, 3, "a"), at(2, 6, "b"),
                at(6, 7, "d")));

        assertThat(kept).containsExactly(at(0, 3, "a"), at(3, 6, "b"), at(6, 8, "c"), at(8, 8, "d"));
    }

    @Test
    void whateverWhisperReturnsTheResultIsInsideTheAudioOrderedAndDisjoint() {
        Gen<Segment> segments = doubles().between(0, 120).zip(doubles().between(0, 40),
                integers().between(0, 5), (start, length, text) ->
                        at(start, start + length, List.of("", " hi", " Thank you.", " [BLANK_AUDIO]", " go go go go go go",
                                " Open page ten.").get(text)));
        qt().withExamples(500)
                .forAll(lists().of(segments).ofSizeBetween(0, 40), doubles().between(0, 150))
                .checkAssert((raw, seconds) -> {
                    List<Segment> kept = SegmentGuards.apply(raw, seconds);
                    double previousEnd = 0;
                    for (Segment s : kept) {
                        assertThat(s.start()).isGreaterThanOrEqualTo(previousEnd);
                        assertThat(s.end()).isLessThanOrEqualTo(seconds).isGreaterThanOrEqualTo(s.start());
                        assertThat(s.text().isBlank()).isFalse();
                        previousEnd = s.end();
                    }
                    assertThat(kept.size()).isLessThanOrEqualTo(raw.size());
                });
    }
}
