package org.classreflect.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RubricChoiceTest {

    private static final String OWN = "https://llm.district.example/v1";

    @Test
    void theDeploymentsKeyGoesOnlyToTheDeploymentsOwnServer() {
        assertThat(RubricChoice.mayCarryDeploymentKey(null, OWN)).isTrue();
        assertThat(RubricChoice.mayCarryDeploymentKey(new RubricChoice("openai", OWN + "/", "m"), OWN)).isTrue();
        assertThat(RubricChoice.mayCarryDeploymentKey(new RubricChoice("openai", " HTTPS://LLM.district.example/v1", "m"),
                OWN)).isTrue();
        assertThat(RubricChoice.mayCarryDeploymentKey(new RubricChoice("openai", "https://elsewhere.example/v1", "m"),
                OWN)).isFalse();
        assertThat(RubricChoice.mayCarryDeploymentKey(new RubricChoice("openai", null, "m"), OWN)).isFalse();
    }

    @Test
    void bedrockUsesTheDeploymentsCredentialsNotAnOpenAiKey() {
        assertThat(RubricChoice.mayCarryDeploymentKey(new RubricChoice("bedrock", null, "anthropic.x"), OWN)).isTrue();
    }
}
