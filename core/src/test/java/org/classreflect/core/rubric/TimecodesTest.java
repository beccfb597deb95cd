package org.classreflect.core.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class TimecodesTest {

    @Test
    void formatsWholeSecondsAsHoursMinutesSeconds() {
        assertThat(Timecodes.format(725.9)).isEqualTo("00:12:05");
        assertThat(Timecodes.format(3 * 3600 + 7)).isEqualTo("03:00:07");
    }

    @Test
    void readsBackWhatItWrites() {
        qt().forAll(integers().between(0, 99 * 3600))
                .checkAssert(s -> assertThat(Timecodes.parse(Timecodes.format(s))).hasValue(s));
    }

    @Test
    void refusesOtherShapes() {
        assertThat(Timecodes.parse("12:05")).isEmpty();
        assertThat(Timecodes.parse("00:61:00")).isEmpty();
        assertThat(Timecodes.parse("725")).isEmpty();
        assertThat(Timecodes.parse(" 00:12:05")).isEmpty();
    }
}
