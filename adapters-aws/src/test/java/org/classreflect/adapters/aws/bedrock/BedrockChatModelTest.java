package org.classreflect.adapters.aws.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.classreflect.core.rubric.ChatMessage;
import org.classreflect.core.rubric.ChatModelException;
import org.classreflect.core.rubric.ChatRetrySettings;
import org.classreflect.testfixtures.servers.FakeChatServer;
import org.classreflect.testfixtures.servers.FakeChatServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The Bedrock adapter against a local endpoint speaking the Converse REST API. */
class BedrockChatModelTest {

    private static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";

    private final FakeChatServer server = FakeChatServer.start();
    private final BedrockChatModel model = new BedrockChatModel(
            new BedrockChatSettings(Optional.of("eu-west-1"), Optional.of(server.uri()), MODEL, Duration.ofSeconds(5),
                    new ChatRetrySettings(3, Duration.ofMillis(20), Duration.ofSeconds(2))),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")));

    @AfterEach
    void stop() {
        model.close();
        server.close();
    }

    @Test
    void sendsTheSystemPromptAndTheTurnsToConverseAndReturnsTheText() throws Exception {
        server.reply(Reply.converseAnswer("{\"criteria\": []}"));

        String answer = model.complete(List.of(ChatMessage.system("You are a coach."), ChatMessage.user("Judge this."),
                ChatMessage.assistant("{}"), ChatMessage.user("Again, with all criteria.")));

        assertThat(answer).isEqualTo("{\"criteria\": []}");
        FakeChatServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse");
        assertThat(request.headers().get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                .contains("/eu-west-1/bedrock/aws4_request");
        JsonNode body = request.json();
        assertThat(body.path("system").get(0).path("text").asText()).isEqualTo("You are a coach.");
        assertThat(body.path("messages").findValuesAsText("role")).containsExactly("user", "assistant", "user");
        assertThat(body.path("messages").get(2).path("content").get(0).path("text").asText())
                .isEqualTo("Again, with all criteria.");
    }

    @Test
    void throttlingAndServerErrorsAreRetried() throws Exception {
        server.reply(Reply.awsError(429, "ThrottlingException", "Too many requests, please wait"),
                Reply.awsError(503, "ServiceUnavailableException", "Service unavailable"),
                Reply.converseAnswer("third time"));

        assertThat(model.complete(List.of(ChatMessage.user("Hi")))).isEqualTo("third time");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aValidationErrorFailsAtOnceWithBedrocksMessage() {
        server.reply(Reply.awsError(400, "ValidationException", "The provided model identifier is invalid."),
                Reply.converseAnswer("never asked for"));

        assertThatThrownBy(() -> model.complete(List.of(ChatMessage.user("Hi"))))
                .isExactlyInstanceOf(ChatModelException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("ValidationException")
                .hasMessageContaining("The provided model identifier is invalid.");
        assertThat(server.requests()).hasSize(1);
    }
}
