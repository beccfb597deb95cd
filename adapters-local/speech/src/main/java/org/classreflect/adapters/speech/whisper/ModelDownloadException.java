package org.classreflect.adapters.speech.whisper;

/** A model download that must not be retried as it is; the message says why and what to do. */
public final class ModelDownloadException extends Exception {

    public ModelDownloadException(String message) {
        super(message);
    }

    public ModelDownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
