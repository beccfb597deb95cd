package org.classreflect.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The parser against a slow, obviously-RFC reference: regular expressions and unbounded integers. */
class ByteRangeHeaderPropertiesTest {

    @Test
    void agreesWithTheReferenceOnAnyLengthAndHeader() {
        qt().withExamples(5000)
                .forAll(longs().between(0, 3000), headers())
                .checkAssert((length, header) -> assertThat(ByteRangeHeader.parse(header, length))
                        .as("Range: %s on %d bytes", header, length)
                        .isEqualTo(Reference.answer(header, length)));
    }

    @Test
    void aPartIsAlwaysInsideTheBody() {
        qt().withExamples(5000)
                .forAll(longs().between(0, 3000), headers())
                .checkAssert((length, header) -> {
                    if (ByteRangeHeader.parse(header, length) instanceof ByteRangeHeader.Part part) {
                        assertThat(part.first()).isBetween(0L, part.last());
                        assertThat(part.last()).isLessThan(length);
                    }
                });
    }

    private static Gen<String> headers() {
        Gen<String> unit = Generate.pick(List.of("bytes=", "bytes=", "bytes=", "Bytes=", "BYTES=", "bytes =", "items=",
                "bytes:", "", " bytes=", "\tbytes="));
        Gen<String> separator = Generate.pick(List.of(",", ", ", " ,", ",\t", ",,"));
        Gen<String> tail = Generate.pick(List.of("", "", "", " ", "\t", ",", " , "));
        return unit.zip(lists().of(rangeSpecs()).ofSizeBetween(0, 3), separator, tail,
                (u, specs, sep, end) -> u + String.join(sep, specs) + end);
    }

    private static Gen<String> rangeSpecs() {
        Gen<String> number = Generate.pick(List.of("", "0", "1", "9", "999", "1000", "99999999999999999999", "x",
                "+5", "1.5")).mix(integers().between(0, 3100).map(n -> Integer.toString(n)), 60);
        Gen<String> dash = Generate.pick(List.of("-", "-", "-", "", "--", " - "));
        Gen<String> nearlyEmpty = integers().between(0, 3100).zip(integers().between(-2, 2),
                (first, delta) -> first + "-" + (first + delta));
        return number.zip(dash, number, (first, d, last) -> first + d + last).mix(nearlyEmpty, 20);
    }

    /** RFC 9110 section 14.1.2, single range or ignored, written the slow and obvious way. */
    private static final class Reference {

        private static final Pattern HEADER = Pattern.compile("[ \\t]*(?i:bytes)=(.*?)[ \\t]*", Pattern.DOTALL);
        private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d*)");
        private static final Pattern SUFFIX = Pattern.compile("-(\\d+)");

        static ByteRangeHeader.Answer answer(String header, long length) {
            Matcher h = HEADER.matcher(header);
            if (!h.matches()) {
                return new ByteRangeHeader.Whole();
            }
            List<String> specs = new ArrayList<>();
            for (String element : h.group(1).split(",", -1)) {
                String trimmed = element.replaceAll("^[ \\t]+|[ \\t]+$", "");
                if (!trimmed.isEmpty()) {
                    specs.add(trimmed);
                }
            }
            if (specs.size() != 1) {
                return new ByteRangeHeader.Whole();
            }
            BigInteger size = BigInteger.valueOf(length);
            Matcher range = RANGE.matcher(specs.get(0));
            if (range.matches()) {
                BigInteger first = new BigInteger(range.group(1));
                BigInteger last = range.group(2).isEmpty() ? null : new BigInteger(range.group(2));
                if (last != null && last.compareTo(first) < 0) {
                    return new ByteRangeHeader.Whole();
                }
                if (first.compareTo(size) >= 0) {
                    return new ByteRangeHeader.Unsatisfiable();
                }
                BigInteger end = last == null ? size.subtract(BigInteger.ONE) : last.min(size.subtract(BigInteger.ONE));
                return new ByteRangeHeader.Part(first.longValueExact(), end.longValueExact());
            }
            Matcher suffix = SUFFIX.matcher(specs.get(0));
            if (suffix.matches()) {
                BigInteger n = new BigInteger(suffix.group(1));
                if (n.signum() == 0) {
                    return new ByteRangeHeader.Unsatisfiable();
                }
                if (length == 0) {
                    return new ByteRangeHeader.Whole();
                }
                return new ByteRangeHeader.Part(size.subtract(n).max(BigInteger.ZERO).longValueExact(), length - 1);
            }
            return new ByteRangeHeader.Whole();
        }
    }
}
