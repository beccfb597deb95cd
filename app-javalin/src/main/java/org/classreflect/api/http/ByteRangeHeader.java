package org.classreflect.api.http;

/**
 * What a {@code Range} request header asks of a body of known length (RFC 9110 section 14). One byte range
 * ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) is a {@link Part}, clipped to the body; a range starting at
 * or past the end, or an empty suffix ({@code bytes=-0}), is {@link Unsatisfiable}. Everything else (no header, a
 * malformed one, another unit, several ranges) is ignored, as the RFC allows a server to, and the answer is the
 * {@link Whole} body: several ranges would need a multipart answer that players do not ask for.
 */
public final class ByteRangeHeader {

    public sealed interface Answer permits Whole, Part, Unsatisfiable {
    }

    /** 200 with the whole body. */
    public record Whole() implements Answer {
    }

    /** 206 with the bytes from {@code first} to {@code last}, both included. */
    public record Part(long first, long last) implements Answer {

        public long length() {
            return last - first + 1;
        }

        public String contentRange(long bodyLength) {
            return "bytes " + first + "-" + last + "/" + bodyLength;
        }
    }

    /** 416 with {@code Content-Range: bytes *}{@code /length}. */
    public record Unsatisfiable() implements Answer {

        public String contentRange(long bodyLength) {
            return "bytes */" + bodyLength;
        }
    }

    private static final String UNIT = "bytes=";
    private static final long ABSENT = -1;
    private static final long MALFORMED = -2;

    private ByteRangeHeader() {
    }

    public static Answer parse(String header, long bodyLength) {
        if (bodyLength < 0) {
            throw new IllegalArgumentException("bodyLength must not be negative: " + bodyLength);
        }
        if (header == null) {
            return new Whole();
        }
        String value = trimSpaceAndTab(header);
        if (!value.regionMatches(true, 0, UNIT, 0, UNIT.length())) {
            return new Whole();
        }
        String spec = null;
        for (String element : value.substring(UNIT.length()).split(",", -1)) {
            String trimmed = trimSpaceAndTab(element);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (spec != null) {
                return new Whole();
            }
            spec = trimmed;
        }
        return spec == null ? new Whole() : answer(spec, bodyLength);
    }

    private static Answer answer(String spec, long bodyLength) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        long first = digits(spec.substring(0, dash));
        long last = digits(spec.substring(dash + 1));
        if (first == MALFORMED || last == MALFORMED) {
            return new Whole();
        }
        if (first == ABSENT) {
            return suffix(last, bodyLength);
        }
        if (last != ABSENT && last < first) {
            return new Whole();
        }
        if (first >= bodyLength) {
            return new Unsatisfiable();
        }
        return new Part(first, last == ABSENT ? bodyLength - 1 : Math.min(last, bodyLength - 1));
    }

    /** The last {@code length} bytes. An empty body has no byte to send in a 206, so it is sent whole. */
    private static Answer suffix(long length, long bodyLength) {
        if (length == ABSENT) {
            return new Whole();
        }
        if (length == 0) {
            return new Unsatisfiable();
        }
        if (bodyLength == 0) {
            return new Whole();
        }
        return new Part(Math.max(0, bodyLength - length), bodyLength - 1);
    }

    /** The number the ASCII digits spell (Long.MAX_VALUE if larger); ABSENT for no text, MALFORMED for a non-digit. */
    private static long digits(String text) {
        if (text.isEmpty()) {
            return ABSENT;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return MALFORMED;
            }
            int digit = c - '0';
            value = value > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : value * 10 + digit;
        }
        return value;
    }

    private static String trimSpaceAndTab(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }
}
