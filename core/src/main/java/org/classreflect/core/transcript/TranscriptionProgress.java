package org.classreflect.core.transcript;

/** Receives a transcriber's progress, 0 to 100. */
@FunctionalInterface
public interface TranscriptionProgress {

    TranscriptionProgress IGNORE = percent -> { };

    void percent(int percent);
}
