package org.classreflect.core.transcript.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.classreflect.core.transcript.Transcript;

/** The files a transcript can be exported as, each with its file extension and media type. */
public enum TranscriptFormat {
    TXT("txt", "text/plain; charset=utf-8", PlainText::write),
    JSON("json", "application/json", JsonDocument::write),
    SRT("srt", "application/x-subrip; charset=utf-8", Subtitles::srt),
    VTT("vtt", "text/vtt; charset=utf-8", Subtitles::vtt),
    CSV("csv", "text/csv; charset=utf-8", WordTable::write);

    private final String extension;
    private final String contentType;
    private final Function<Transcript, String> writer;

    TranscriptFormat(String extension, String contentType, Function<Transcript, String> writer) {
        this.extension = extension;
        this.contentType = contentType;
        this.writer = writer;
    }

    /** The format with this name (its extension, in any case). */
    public static Optional<TranscriptFormat> named(String name) {
        return name == null ? Optional.empty() : Arrays.stream(values())
                .filter(f -> f.extension.equals(name.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public String write(Transcript transcript) {
        return writer.apply(transcript);
    }
}
