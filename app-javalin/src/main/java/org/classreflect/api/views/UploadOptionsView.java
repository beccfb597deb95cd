package org.classreflect.api.views;

import java.util.Arrays;
import java.util.List;
import org.classreflect.core.recording.AudioFormat;
import org.classreflect.core.recording.UploadLimits;

/**
 * What an upload page needs to know first: the size limit, the accepted formats (with the file name endings a file
 * picker can offer), and whether the browser sends the file straight to storage (S3, AWS mode).
 */
public record UploadOptionsView(long maxBytes, boolean directUpload, List<Format> formats) {

    public record Format(String name, String contentType, List<String> extensions) {
    }

    public static UploadOptionsView of(UploadLimits limits, boolean directUpload) {
        return new UploadOptionsView(limits.maxBytes(), directUpload,
                Arrays.stream(AudioFormat.values()).map(f -> new Format(f.name(), f.contentType(), extensions(f)))
                        .toList());
    }

    private static List<String> extensions(AudioFormat format) {
        return switch (format) {
            case WAV -> List.of(".wav");
            case MP3 -> List.of(".mp3");
            case MP4_AUDIO -> List.of(".m4a", ".mp4");
            case AAC -> List.of(".aac");
            case OGG -> List.of(".ogg", ".oga", ".opus");
            case FLAC -> List.of(".flac");
            case WEBM -> List.of(".webm");
        };
    }
}
