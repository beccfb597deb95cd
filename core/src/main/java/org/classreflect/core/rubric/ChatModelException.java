package org.classreflect.core.rubric;

/** The model could not be asked, or refused the request; the message carries the server's reason. */
public class ChatModelException extends Exception {

    public ChatModelException(String message) {
        super(message);
    }

    public ChatModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
