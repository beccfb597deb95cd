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

    /**
     * Whether the deployment's API key may go with requests under this choice (null: the deployment's own). The key
     * is never chosen in the browser, so it goes only to the deployment's own base URL: pointing rubric feedback at
     * another server cannot hand that server the key.
     */
    public static boolean mayCarryDeploymentKey(RubricChoice choice, String deploymentBaseUrl) {
        return choice == null || !choice.provider().equals(OPENAI) || sameUrl(choice.baseUrl(), deploymentBaseUrl);
    }

    private static boolean sameUrl(String a, String b) {
        return trimSlash(a).equalsIgnoreCase(trimSlash(b));
    }

    private static String trimSlash(String url) {
        String s = url == null ? "" : url.trim();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
