package org.classreflect.api.http;

/** Every error the API answers has this shape: a stable code for programs and a message for people. */
public record ErrorBody(String error, String message) {
}
