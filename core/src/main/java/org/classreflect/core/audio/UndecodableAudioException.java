package org.classreflect.core.audio;

/** The content is not audio we can decode; the message names what was found, in words a teacher can read. */
public final class UndecodableAudioException extends Exception {

    public UndecodableAudioException(String message) {
        super(message);
    }

    public UndecodableAudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
