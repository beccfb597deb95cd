package org.classreflect.adapters.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.classreflect.core.rubric.ChatRetrySettings;

/**
 * Where and how to reach an OpenAI-compatible chat-completions server.
 *
 * @param baseUrl  the API root, to which {@code /chat/completions} is added: {@code https://api.openai.com/v1},
 *                 {@code https://openrouter.ai/api/v1}, {@code http://localhost:11434/v1} (Ollama), ...
 * @param apiKey   sent as a bearer token when present
 * @param model    the model name the server knows
 * @param timeout  how long one request may take
 * @param jsonMode whether to ask for {@code response_format: {"type": "json_object"}}
 * @param retries  how timeouts, 429 and 5xx are retried
 */
public record OpenAiChatSettings(URI baseUrl, Optional<String> apiKey, String model, Duration timeout,
                                 boolean jsonMode, ChatRetrySettings retries) {

    public OpenAiChatSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retries, "retries");
        if (model.isBlank()) {
            throw new IllegalArgumentException("a model name is needed");
        }
    }

    URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }
}
