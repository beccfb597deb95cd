package org.classreflect.core.rubric;

import java.util.Objects;

/** A quote from the transcript and the time, in seconds, at which it was said. */
public record Evidence(String quote, double at) {

    public Evidence {
        Objects.requireNonNull(quote, "quote");
    }
}
