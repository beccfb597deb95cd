package org.classreflect.api.views;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recording's stored error is technical (FFmpeg's words, scratch-file paths, the file's first bytes). Teachers get
 * a cause in plain words; managers and super admins also get the technical text, with file paths taken out.
 */
public final class FailureText {

    /** Absolute paths (two or more segments, or one with an extension) and file: URLs. */
    private static final Pattern PATH = Pattern.compile(
            "(?:file:)?(?<![\\w.])(?:[A-Za-z]:)?(?:[/\\\\][\\w.@+~%-]+){2,}[/\\\\]?|(?<![\\w.])/[\\w@+~%-]+\\.\\w+");
    private static final Pattern RETRY = Pattern.compile("trying again in (\\d+) s");

    private FailureText() {
    }

    /** The technical text without file paths, for managers and super admins; null stays null. */
    public static String withoutPaths(String raw) {
        return raw == null ? null : PATH.matcher(raw).replaceAll("[file]");
    }

    /** What went wrong, in words a teacher can act on; null stays null. */
    public static String plain(String raw) {
        if (raw == null || raw.isBlank()) {
            return raw;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        String cause;
        if (lower.contains("too long") || lower.contains("longer than") || lower.contains("duration")) {
            cause = "the recording is longer than the server accepts";
        } else if (lower.contains("ffmpeg") || lower.contains("decode") || lower.contains("no sound")
                || lower.contains("format") || lower.contains("begins with") || lower.contains("codec")
                || lower.contains("audio")) {
            cause = "the sound in the file could not be read; check that it plays, or export it again as MP3, M4A "
                    + "or WAV and upload it again";
        } else {
            cause = "the recording could not be transcribed on the server; your school manager can see the details";
        }
        Matcher retry = RETRY.matcher(raw);
        if (retry.find()) {
            return "A try failed (" + cause + "); trying again in " + retry.group(1) + " s.";
        }
        return Character.toUpperCase(cause.charAt(0)) + cause.substring(1) + ".";
    }
}
