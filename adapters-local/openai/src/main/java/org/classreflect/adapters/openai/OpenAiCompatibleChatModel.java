package org.classreflect.adapters.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.classreflect.core.rubric.ChatRetries;
import org.classreflect.core.rubric.ChatMessage;
import org.classreflect.core.rubric.ChatModel;
import org.classreflect.core.rubric.ChatModelException;
import org.classreflect.core.rubric.TransientChatModelException;

/**
 * A chat model behind any OpenAI-compatible chat-completions endpoint: OpenAI, OpenRouter, Ollama, vLLM, LM Studio.
 * Timeouts, lost connections, 408, 429 and 5xx are retried (see {@link ChatRetries}); any other refusal fails at once
 * with the server's message.
 */
public final class OpenAiCompatibleChatModel implements ChatModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGE_SHOWN = 500;

    private final OpenAiChatSettings settings;
    private final HttpClient http;
    private final ChatRetries retries;
    private final Clock clock;

    public OpenAiCompatibleChatModel(OpenAiChatSettings settings) {
        this(settings, Clock.systemUTC());
    }

    OpenAiCompatibleChatModel(OpenAiChatSettings settings, Clock clock) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.retries = new ChatRetries(settings.retries());
        this.clock = clock;
    }

    @Override
    public String complete(List<ChatMessage> messages) throws ChatModelException {
        String body = requestBody(messages);
        return retries.call(() -> send(body));
    }

    private String requestBody(List<ChatMessage> messages) {
        ObjectNode body = JSON.createObjectNode().put("model", settings.model()).put("stream", false);
        ArrayNode list = body.putArray("messages");
        for (ChatMessage m : messages) {
            list.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", m.content());
        }
        if (settings.jsonMode()) {
            body.putObject("response_format").put("type", "json_object");
        }
        return body.toString();
    }

    private String send(String body) throws ChatModelException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.chatCompletions())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        settings.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientChatModelException("no answer from " + settings.chatCompletions() + ": " + e, e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return content(response.body());
        }
        String problem = "the model server answered HTTP " + status + ": " + serverMessage(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            throw new TransientChatModelException(problem, TransientChatModelException.parseRetryAfter(
                    response.headers().firstValue("Retry-After").orElse(null), clock.instant()));
        }
        throw new ChatModelException(problem);
    }

    private static String content(String body) throws ChatModelException {
        try {
            JsonNode content = JSON.readTree(body).path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new ChatModelException("the model server's answer has no message content: " + shorten(body));
            }
            return content.asText();
        } catch (JsonProcessingException e) {
            throw new ChatModelException("the model server's answer is not JSON: " + shorten(body));
        }
    }

    /** The message of an error body ({@code error.message}, {@code error} or {@code message}), else the body. */
    private static String serverMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            for (JsonNode message : List.of(error.path("error").path("message"), error.path("error"),
                    error.path("message"))) {
                if (message.isTextual()) {
                    return message.asText();
                }
            }
        } catch (JsonProcessingException notJson) {
            // fall through to the raw body
        }
        return shorten(body);
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > MESSAGE_SHOWN ? t.substring(0, MESSAGE_SHOWN) + "..." : t;
    }
}
