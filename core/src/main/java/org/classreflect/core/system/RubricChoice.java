package org.classreflect.core.system;

import java.util.List;

/**
 * The language model a super admin chose for rubric feedback: {@code none}, {@code openai} (any OpenAI-compatible
 * server at {@code baseUrl}) or {@code bedrock}, and the model's name or id. Never an API key: keys stay in the
 * deployment's configuration.
 */
public record RubricChoice(String provider, String baseUrl, String model) {

    public static final String NONE = "none";
    public static final String OPENAI = "openai";
    public static final String BEDROCK = "bedrock";
    public static final List<String> PROVIDERS = List.of(NONE, OPENAI, BEDROCK);
}
