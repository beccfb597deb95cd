package org.classreflect.core.rubric;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times as the prompt shows them and the model writes them back: {@code hh:mm:ss}. */
final class Timecodes {

    private static final Pattern TIMECODE = Pattern.compile("(\\d{2}):([0-5]\\d):([0-5]\\d)");

    private Timecodes() {
    }

    static String format(double seconds) {
        long s = (long) Math.floor(seconds);
        return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    static OptionalDouble parse(String text) {
        Matcher m = TIMECODE.matcher(text);
        if (!m.matches()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Integer.parseInt(m.group(1)) * 3600.0 + Integer.parseInt(m.group(2)) * 60.0
                + Integer.parseInt(m.group(3)));
    }
}
