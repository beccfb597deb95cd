package org.classreflect.api.http;

/** A request the API cannot even parse (bad JSON, a malformed parameter); answered with 400 and the message. */
public final class BadRequest extends RuntimeException {

    public BadRequest(String message) {
        super(message);
    }
}
