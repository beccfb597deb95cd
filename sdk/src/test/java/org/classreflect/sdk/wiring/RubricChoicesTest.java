package org.classreflect.sdk.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.classreflect.core.system.RubricChoice;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.junit.jupiter.api.Test;

class RubricChoicesTest {

    private static final Settings DEPLOYMENT = Settings.from(Map.of(), Map.of())
            .with(Setting.RUBRIC_PROVIDER, "openai")
            .with(Setting.RUBRIC_BASE_URL, "https://api.openai.com/v1")
            .with(Setting.RUBRIC_API_KEY, "sk-secret")
            .with(Setting.RUBRIC_MODEL, "gpt-4o-mini");

    @Test
    void noChoiceKeepsTheDeploymentsSettingsAndKey() {
        assertThat(RubricChoices.apply(DEPLOYMENT, null)).isSameAs(DEPLOYMENT);
        assertThat(RubricChoices.sendsApiKey(DEPLOYMENT, null)).isTrue();
    }

    @Test
    void anotherModelOnTheDeploymentsServerKeepsTheKey() {
        RubricChoice choice = new RubricChoice("openai", "https://api.openai.com/v1/", "gpt-4o");
        Settings chosen = RubricChoices.apply(DEPLOYMENT, choice);

        assertThat(chosen.text(Setting.RUBRIC_MODEL)).isEqualTo("gpt-4o");
        assertThat(chosen.text(Setting.RUBRIC_API_KEY)).isEqualTo("sk-secret");
    }

    @Test
    void anotherServerGetsNoKey() {
        RubricChoice choice = new RubricChoice("openai", "http://attacker.example/v1", "any");
        Settings chosen = RubricChoices.apply(DEPLOYMENT, choice);

        assertThat(chosen.text(Setting.RUBRIC_BASE_URL)).isEqualTo("http://attacker.example/v1");
        assertThat(chosen.optional(Setting.RUBRIC_API_KEY)).isEmpty();
        assertThat(RubricChoices.sendsApiKey(DEPLOYMENT, choice)).isFalse();
    }

    @Test
    void switchingOffLeavesNoModel() {
        Settings chosen = RubricChoices.apply(DEPLOYMENT, new RubricChoice("none", null, null));

        assertThat(chosen.text(Setting.RUBRIC_PROVIDER)).isEqualTo("none");
        assertThat(RubricModels.fromSettings(chosen)).isEmpty();
    }
}
