package org.classreflect.adapters.speech.whisper;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One whisper.cpp model file as published on the model host: its name (e.g. {@code base.en}, {@code small.en-q5_1}),
 * its size and sha-256 when they could be confirmed from public material (empty when not: never guessed), and a
 * line saying what it is good for.
 */
public record CatalogueModel(String name, OptionalLong sizeBytes, Optional<String> sha256, String summary) {

    public CatalogueModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        Objects.requireNonNull(sha256, "sha256");
        sha256.ifPresent(hex -> {
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a sha-256 is 64 lower-case hex digits: " + hex);
            }
        });
    }

    /** The model host's and the models directory's name for it: {@code ggml-<name>.bin}. */
    public String fileName() {
        return "ggml-" + name + ".bin";
    }

    /** {@code .en} models know only English and are a little more accurate at it. */
    public boolean englishOnly() {
        return name.contains(".en");
    }
}
