package org.classreflect.api.openai;

import java.util.Arrays;
import java.util.Optional;

/** OpenAI's {@code response_format} values. */
enum ResponseFormat {
    JSON("json"), TEXT("text"), SRT("srt"), VTT("vtt"), VERBOSE_JSON("verbose_json");

    private final String wireName;

    ResponseFormat(String wireName) {
        this.wireName = wireName;
    }

    static Optional<ResponseFormat> named(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
