package org.classreflect.core.recording;

import java.time.Instant;

/**
 * What a listing looks for, beyond its scope: the words of {@code text} in the class name, subject, file name, notes
 * or transcript (see {@link RecordingTextSearch}); a subject (whole, case-insensitive); lessons uploaded in
 * [{@code from}, {@code to}). Null = any.
 */
public record RecordingSearch(String text, String subject, Instant from, Instant to) {

    public static final RecordingSearch NONE = new RecordingSearch(null, null, null, null);

    public RecordingSearch {
        text = blankToNull(text);
        subject = blankToNull(subject);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
