package org.classreflect.sdk.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.classreflect.core.rubric.RubricAnalysisException;
import org.classreflect.core.rubric.RubricAnalyzer;
import org.classreflect.testfixtures.builders.ARubricLesson;
import org.classreflect.testfixtures.servers.FakeChatServer;
import org.classreflect.testfixtures.servers.FakeChatServer.Reply;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RubricModelsTest {

    private final FakeChatServer server = FakeChatServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static Settings settings(Map<String, String> environment) {
        return Settings.from(environment, Map.of());
    }

    @Test
    void noProviderMeansNoRubricFeedback() {
        assertThat(RubricModels.fromSettings(settings(Map.of()))).isEmpty();
    }

    @Test
    void anOpenAiCompatibleServerIsAskedWithTheConfiguredModelKeyAndAttempts() {
        RubricAnalyzer analyzer = RubricModels.fromSettings(settings(Map.of(
                "CLASSREFLECT_RUBRIC_PROVIDER", "openai",
                "CLASSREFLECT_RUBRIC_BASE_URL", server.uri() + "/v1",
                "CLASSREFLECT_RUBRIC_API_KEY", "sk-local",
                "CLASSREFLECT_RUBRIC_MODEL", "qwen2.5:7b",
                "CLASSREFLECT_RUBRIC_MAX_ATTEMPTS", "2"))).orElseThrow();
        server.reply(Reply.openAiAnswer("not json"), Reply.openAiAnswer("{}"), Reply.openAiAnswer("unused"));

        assertThatThrownBy(() -> analyzer.analyze(ARubricLesson.request()))
                .isInstanceOf(RubricAnalysisException.class).hasMessageContaining("in 2 attempts");
        assertThat(server.requests()).hasSize(2);
        FakeChatServer.Request first = server.requests().get(0);
        assertThat(first.path()).isEqualTo("/v1/chat/completions");
        assertThat(first.headers()).containsEntry("authorization", "Bearer sk-local");
        assertThat(first.json().path("model").asText()).isEqualTo("qwen2.5:7b");
    }

    @Test
    void bedrockIsAskedAtTheConfiguredEndpointWithTheSdksCredentials() throws Exception {
        RubricAnalyzer analyzer = RubricModels.fromSettings(settings(Map.of(
                "CLASSREFLECT_RUBRIC_PROVIDER", "bedrock",
                "CLASSREFLECT_RUBRIC_MODEL", "amazon.nova-lite-v1:0",
                "CLASSREFLECT_BEDROCK_REGION", "us-east-1",
                "CLASSREFLECT_BEDROCK_ENDPOINT", server.uri().toString()))).orElseThrow();
        server.reply(Reply.converseAnswer(ARubricLesson.goodAnswer()));
        System.setProperty("aws.accessKeyId", "AKIDWIRING");
        System.setProperty("aws.secretAccessKey", "secret");
        try {
            assertThat(analyzer.analyze(ARubricLesson.request()).overallScore()).isEqualTo(70.0);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
        assertThat(server.requests().get(0).path()).isEqualTo("/model/amazon.nova-lite-v1%3A0/converse");
    }

    @Test
    void aProviderWithoutAModelOrAnUnknownProviderIsRefusedAtStartUp() {
        assertThatThrownBy(() -> RubricModels.fromSettings(settings(Map.of("CLASSREFLECT_RUBRIC_PROVIDER", "openai"))))
                .hasMessageContaining(Setting.RUBRIC_MODEL.environmentName());
        assertThatThrownBy(() -> RubricModels.fromSettings(settings(Map.of("CLASSREFLECT_RUBRIC_PROVIDER", "gemini"))))
                .hasMessage("CLASSREFLECT_RUBRIC_PROVIDER must be none, openai or bedrock");
        assertThatThrownBy(() -> RubricModels.fromSettings(settings(Map.of("CLASSREFLECT_RUBRIC_PROVIDER", "openai",
                "CLASSREFLECT_RUBRIC_MODEL", "m", "CLASSREFLECT_RUBRIC_JSON_MODE", "yes"))))
                .hasMessage("CLASSREFLECT_RUBRIC_JSON_MODE must be true or false");
    }
}
