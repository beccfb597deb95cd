package org.classreflect.api.views;

import org.classreflect.core.recording.Recording;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.export.TranscriptFormat;

/** A transcript exported as a file to download, named after the recording's original file. */
public record TranscriptFile(String fileName, String contentType, String content) {

    public static TranscriptFile of(Recording recording, Transcript transcript, TranscriptFormat format) {
        return new TranscriptFile(baseName(recording.originalFileName()) + "." + format.extension(),
                format.contentType(), format.write(transcript));
    }

    public String contentDisposition() {
        return "attachment; filename=\"" + fileName + "\"";
    }

    /** The original name without its extension, in characters every browser and shell takes without quoting. */
    static String baseName(String originalFileName) {
        String name = originalFileName == null ? "" : originalFileName;
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]+", "_");
        return base.isEmpty() || base.equals("_") ? "transcript" : base;
    }
}
