package org.classreflect.core.transcript.export;

/**
 * Times in seconds turned into the whole milliseconds that exports show. Rounding is monotonic, so times that were
 * in order stay in order, and a start never passes its end.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    /** {@code HH:MM:SS,mmm} (SRT). Hours take more digits past 99. */
    public static String srt(double seconds) {
        return clock(millis(seconds), ',');
    }

    /** {@code HH:MM:SS.mmm} (WebVTT). */
    public static String vtt(double seconds) {
        return clock(millis(seconds), '.');
    }

    /** Seconds with exactly three decimals, e.g. {@code 61.250}. */
    public static String seconds(double seconds) {
        long ms = millis(seconds);
        return ms / 1000 + "." + pad(ms % 1000, 3);
    }

    private static String clock(long ms, char separator) {
        long hours = ms / 3_600_000;
        long minutes = ms / 60_000 % 60;
        long secs = ms / 1000 % 60;
        return pad(hours, 2) + ":" + pad(minutes, 2) + ":" + pad(secs, 2) + separator + pad(ms % 1000, 3);
    }

    private static String pad(long value, int digits) {
        String s = Long.toString(value);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }
}
