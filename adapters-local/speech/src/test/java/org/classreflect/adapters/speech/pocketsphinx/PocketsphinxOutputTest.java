package org.classreflect.adapters.speech.pocketsphinx;

import static org.assertj.core.api.Assertions.assertThat;

import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Word;
import org.junit.jupiter.api.Test;

/** Output as pocketsphinx_continuous 5prealpha printed it for jfk.wav (shortened), and the cases around it. */
class PocketsphinxOutputTest {

    private static final String JFK = """
            and not
            <s> 3.170 3.280 1.000300
            and(2) 3.290 3.730 0.985603
            <sil> 3.740 3.980 0.828680
            not 3.990 4.300 0.817730
            </s> 4.310 4.760 1.000000
            what your country can do for you
            <s> 5.300 5.340 0.999200
            what 5.350 5.600 0.285662
            your 5.610 5.850 0.709042
            [NOISE] 5.850 5.855 0.5
            country 5.860 6.420 0.473555
            can(2) 6.430 6.670 0.028595
            do 6.680 6.890 0.135412
            for(2) 6.900 7.050 0.013830
            you 7.060 7.670 0.988268
            </s> 7.680 7.950 1.000000

            <s> 8.000 8.100 1.0
            <sil> 8.100 8.900 1.0
            </s> 8.900 9.000 1.0
            """;

    private static PocketsphinxOutput parse(String text, double audioSeconds) {
        PocketsphinxOutput output = new PocketsphinxOutput(audioSeconds);
        text.lines().forEach(output::line);
        return output;
    }

    @Test
    void oneSegmentPerUtteranceWithoutMarkersFillersOrAlternateSuffixes() {
        PocketsphinxOutput output = parse(JFK, 11.0);

        assertThat(output.segments()).extracting(Segment::text)
                .containsExactly("and not", "what your country can do for you");
        assertThat(output.words()).extracting(Word::text)
                .containsExactly("and", "not", "what", "your", "country", "can", "do", "for", "you");
        Segment second = output.segments().get(1);
        assertThat(second.start()).isEqualTo(5.35);
        assertThat(second.end()).isEqualTo(7.67);
        assertThat(output.words().get(0).confidence()).isEqualTo(0.985603);
    }

    @Test
    void confidencesStayWithinZeroAndOneAndTimesWithinTheAudio() {
        PocketsphinxOutput output = parse("""
                <s> 0.000 0.040 1.0003
                hello 0.050 0.500 1.000300
                world 0.510 12.500 0.5
                </s> 12.5 12.6 1.0
                """, 12.0);

        assertThat(output.words()).extracting(Word::confidence).containsExactly(1.0, 0.5);
        assertThat(output.words().get(1).end()).isEqualTo(12.0);
    }

    @Test
    void anUtteranceCutShortStillCounts() {
        PocketsphinxOutput output = parse("""
                <s> 0.000 0.040 1.0
                lesson 0.050 0.500 0.9
                """, 1.0);

        assertThat(output.segments()).extracting(Segment::text).containsExactly("lesson");
        assertThat(output.position()).isEqualTo(0.5);
    }
}
