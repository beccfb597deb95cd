package org.classreflect.core.rubric;

/** The text is not one well-formed JSON value; the message says where and why. */
public final class InvalidJsonException extends Exception {

    public InvalidJsonException(String message) {
        super(message);
    }
}
