package org.classreflect.core.transcript;

/**
 * What one job asks of the transcriber, each part optional (null: the deployment's setting): a model by its
 * catalogue name (e.g. {@code small.en}), a language code or {@code auto}, and a prompt of names and words to expect.
 */
public record TranscriptionOptions(String model, String language, String prompt) {

    public static final TranscriptionOptions DEFAULTS = new TranscriptionOptions(null, null, null);
}
