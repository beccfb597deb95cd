package org.classreflect.core.transcript;

/** The engine could not transcribe the audio; the message says why in words a teacher can read. */
public final class TranscriptionException extends Exception {

    public TranscriptionException(String message) {
        super(message);
    }

    public TranscriptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
