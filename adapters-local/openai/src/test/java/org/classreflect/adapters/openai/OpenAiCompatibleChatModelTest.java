package org.classreflect.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.classreflect.core.rubric.ChatMessage;
import org.classreflect.core.rubric.ChatModelException;
import org.classreflect.core.rubric.ChatRetrySettings;
import org.classreflect.core.rubric.TransientChatModelException;
import org.classreflect.testfixtures.servers.FakeChatServer;
import org.classreflect.testfixtures.servers.FakeChatServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleChatModelTest {

    private static final List<ChatMessage> CHAT = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi?"),
            ChatMessage.assistant("{}"), ChatMessage.user("Again."));
    private static final ChatRetrySettings QUICK_RETRIES =
            new ChatRetrySettings(3, Duration.ofMillis(20), Duration.ofSeconds(3));

    private final FakeChatServer server = FakeChatServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiCompatibleChatModel model(Optional<String> key, boolean jsonMode, Duration timeout) {
        return new OpenAiCompatibleChatModel(new OpenAiChatSettings(URI.create(server.uri() + "/v1/"), key,
                "llama3.1:8b", timeout, jsonMode, QUICK_RETRIES));
    }

    private OpenAiCompatibleChatModel model() {
        return model(Optional.empty(), true, Duration.ofSeconds(5));
    }

    @Test
    void postsTheConversationAndReturnsTheMessageContent() throws Exception {
        server.reply(Reply.openAiAnswer("{\"ok\": true}"));

        assertThat(model(Optional.of("sk-test"), true, Duration.ofSeconds(5)).complete(CHAT))
                .isEqualTo("{\"ok\": true}");

        FakeChatServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.headers()).containsEntry("authorization", "Bearer sk-test");
        JsonNode body = request.json();
        assertThat(body.path("model").asText()).isEqualTo("llama3.1:8b");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("messages")).hasSize(4);
        assertThat(body.path("messages").findValuesAsText("role"))
                .containsExactly("system", "user", "assistant", "user");
        assertThat(body.path("messages").findValuesAsText("content"))
                .containsExactly("Be brief.", "Hi?", "{}", "Again.");
    }

    @Test
    void sendsNoKeyWhenThereIsNoneAndNoResponseFormatWhenJsonModeIsOff() throws Exception {
        server.reply(Reply.openAiAnswer("plain"));

        model(Optional.empty(), false, Duration.ofSeconds(5)).complete(CHAT);

        FakeChatServer.Request request = server.requests().get(0);
        assertThat(request.headers()).doesNotContainKey("authorization");
        assertThat(request.json().has("response_format")).isFalse();
    }

    @Test
    void retriesA429AfterTheWaitInRetryAfter() throws Exception {
        server.reply(Reply.openAiError(429, "Rate limit reached").withHeader("Retry-After", "1"),
                Reply.openAiAnswer("after the wait"));

        long began = System.nanoTime();
        String answer = model().complete(CHAT);

        assertThat(answer).isEqualTo("after the wait");
        assertThat(server.requests()).hasSize(2);
        // the backoff alone would be 20 ms; the server asked for a second
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retriesA429WithoutRetryAfterWithBackoff() throws Exception {
        server.reply(Reply.openAiError(429, "slow down"), Reply.openAiError(429, "slow down"),
                Reply.openAiAnswer("third time"));

        long began = System.nanoTime();
        assertThat(model().complete(CHAT)).isEqualTo("third time");

        assertThat(server.requests()).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void retriesServerErrors() throws Exception {
        server.reply(Reply.json(500, "{\"error\": \"boom\"}"), Reply.of(503, "text/html", "<h1>down</h1>"),
                Reply.openAiAnswer("up again"));

        assertThat(model().complete(CHAT)).isEqualTo("up again");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void retriesARequestThatTimedOut() throws Exception {
        server.reply(Reply.openAiAnswer("too late").after(Duration.ofMillis(1500)), Reply.openAiAnswer("in time"));

        assertThat(model(Optional.empty(), true, Duration.ofMillis(300)).complete(CHAT)).isEqualTo("in time");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void givesUpAfterItsAttemptsWithTheLastReason() {
        server.reply(Reply.openAiError(500, "overloaded"), Reply.openAiError(502, "bad gateway"),
                Reply.openAiError(503, "model is loading"), Reply.openAiAnswer("never asked for"));

        assertThatThrownBy(() -> model().complete(CHAT))
                .isInstanceOf(TransientChatModelException.class)
                .hasMessageContaining("HTTP 503").hasMessageContaining("model is loading");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void givesUpWhenEveryTryTimesOut() {
        server.reply(Reply.openAiAnswer("late").after(Duration.ofSeconds(1)),
                Reply.openAiAnswer("late").after(Duration.ofSeconds(1)),
                Reply.openAiAnswer("late").after(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> model(Optional.empty(), true, Duration.ofMillis(200)).complete(CHAT))
                .isInstanceOf(TransientChatModelException.class).hasMessageContaining("timed out");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void otherClientErrorsFailAtOnceWithTheServersMessage() {
        server.reply(Reply.openAiError(400, "model 'gpt-9' does not exist"), Reply.openAiAnswer("never asked for"));

        assertThatThrownBy(() -> model().complete(CHAT))
                .isExactlyInstanceOf(ChatModelException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("model 'gpt-9' does not exist");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aBadKeyFailsAtOnce() {
        server.reply(Reply.openAiError(401, "Incorrect API key provided"));

        assertThatThrownBy(() -> model(Optional.of("wrong"), true, Duration.ofSeconds(5)).complete(CHAT))
                .isExactlyInstanceOf(ChatModelException.class).hasMessageContaining("Incorrect API key provided");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitEndsTheRetries() {
        server.reply(Reply.openAiError(429, "quota exhausted").withHeader("Retry-After", "3600"),
                Reply.openAiAnswer("never asked for"));

        assertThatThrownBy(() -> model().complete(CHAT))
                .isInstanceOf(TransientChatModelException.class).hasMessageContaining("quota exhausted");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anAnswerWithoutMessageContentIsAnError() {
        server.reply(Reply.json(200, "{\"choices\": []}"));

        assertThatThrownBy(() -> model().complete(CHAT))
                .isExactlyInstanceOf(ChatModelException.class).hasMessageContaining("no message content");
    }
}
