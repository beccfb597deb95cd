package org.classreflect.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.classreflect.api.http.ByteRangeHeader.Part;
import org.classreflect.api.http.ByteRangeHeader.Unsatisfiable;
import org.classreflect.api.http.ByteRangeHeader.Whole;
import org.junit.jupiter.api.Test;

class ByteRangeHeaderTest {

    private static final long LENGTH = 1000;

    private static ByteRangeHeader.Answer parse(String header) {
        return ByteRangeHeader.parse(header, LENGTH);
    }

    @Test
    void aClosedRangeIsThoseBytesClippedToTheBody() {
        assertThat(parse("bytes=0-499")).isEqualTo(new Part(0, 499));
        assertThat(parse("bytes=500-500")).isEqualTo(new Part(500, 500));
        assertThat(parse("bytes=900-5000")).isEqualTo(new Part(900, 999));
        assertThat(parse("bytes=10-99999999999999999999999")).isEqualTo(new Part(10, 999));
    }

    @Test
    void anOpenRangeRunsToTheEnd() {
        assertThat(parse("bytes=0-")).isEqualTo(new Part(0, 999));
        assertThat(parse("bytes=999-")).isEqualTo(new Part(999, 999));
    }

    @Test
    void aSuffixIsTheLastBytesOrTheWholeBodyWhenLonger() {
        assertThat(parse("bytes=-1")).isEqualTo(new Part(999, 999));
        assertThat(parse("bytes=-100")).isEqualTo(new Part(900, 999));
        assertThat(parse("bytes=-5000")).isEqualTo(new Part(0, 999));
    }

    @Test
    void aRangeStartingAtOrPastTheEndOrAnEmptySuffixIsUnsatisfiable() {
        assertThat(parse("bytes=1000-")).isEqualTo(new Unsatisfiable());
        assertThat(parse("bytes=999999999-")).isEqualTo(new Unsatisfiable());
        assertThat(parse("bytes=99999999999999999999999-")).isEqualTo(new Unsatisfiable());
        assertThat(parse("bytes=1000-2000")).isEqualTo(new Unsatisfiable());
        assertThat(parse("bytes=-0")).isEqualTo(new Unsatisfiable());
        assertThat(ByteRangeHeader.parse("bytes=0-", 0)).isEqualTo(new Unsatisfiable());
    }

    @Test
    void anEmptyBodyAskedForItsLastBytesIsSentWhole() {
        assertThat(ByteRangeHeader.parse("bytes=-10", 0)).isEqualTo(new Whole());
    }

    @Test
    void theUnitIsCaseInsensitiveAndSpacesAroundTheRangeAreAllowed() {
        assertThat(parse("Bytes=1-2")).isEqualTo(new Part(1, 2));
        assertThat(parse(" bytes= 1-2 ,\t")).isEqualTo(new Part(1, 2));
    }

    @Test
    void noHeaderAMalformedOneAnotherUnitOrSeveralRangesAreIgnored() {
        for (String ignored : new String[] {null, "", "bytes=", "bytes=-", "bytes=5", "bytes=a-b", "bytes=5-4",
                "bytes=1-2-3", "bytes=+1-2", "bytes = 1-2", "items=1-2", "1-2", "bytes=0-1,5-6", "bytes=0-1,9999-"}) {
            assertThat(parse(ignored)).as(String.valueOf(ignored)).isEqualTo(new Whole());
        }
    }

    @Test
    void headersNameTheRangeAndTheLength() {
        assertThat(new Part(900, 999).contentRange(LENGTH)).isEqualTo("bytes 900-999/1000");
        assertThat(new Part(900, 999).length()).isEqualTo(100);
        assertThat(new Unsatisfiable().contentRange(LENGTH)).isEqualTo("bytes */1000");
    }

    @Test
    void aNegativeLengthIsAProgrammingError() {
        assertThatThrownBy(() -> ByteRangeHeader.parse("bytes=0-", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
