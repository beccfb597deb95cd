package org.classreflect.core.recording;

/** The audio containers ClassReflect accepts, with the content type stored for each. */
public enum AudioFormat {
    WAV("audio/wav"),
    MP3("audio/mpeg"),
    MP4_AUDIO("audio/mp4"),
    AAC("audio/aac"),
    OGG("audio/ogg"),
    FLAC("audio/flac"),
    WEBM("audio/webm");

    private final String contentType;

    AudioFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
